package io.arr502.core.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The incremental state: file cursors plus the aggregates a sliding window needs. Written atomically
 * (temp file, fsync, rename) while holding an exclusive lock on a sibling {@code .lock} file, so two
 * runs never interleave and a crash mid-write leaves the previous state intact.
 */
final class StateStore {
    static final int VERSION = 1;
    /** Streaming only: databind's start-up would be a fifth of a scheduled check's time. */
    private static final JsonFactory JSON = new JsonFactory();

    /** What the state holds. */
    static final class State {
        final Map<String, FileCursor> files = new TreeMap<>();
        Stats total = new Stats();
        /** per-minute aggregates: a {@link Stats}, or its JSON text until a run needs it (most minutes are only carried along) */
        final TreeMap<Long, Object> minutes = new TreeMap<>();
        final TreeMap<Long, long[]> series = new TreeMap<>();
        long malformed;
        String mode = "";
        /** The route filter the state was counted under ({@link RouteFilter#description()}, "" for every route). */
        String routes = "";
        /** set when a stored minute could not be decoded: the run then rebuilds the state from the logs */
        boolean damaged;

        /** Adds a run's minute, which the caller discards: taken as it is when the state has no such minute. */
        void absorb(long m, Stats s, List<String> notes) {
            if (minutes.containsKey(m)) {
                minute(m, notes).absorb(s);
            } else {
                minutes.put(m, s);
            }
        }

        /** The minute's stats, decoded on first use; a fresh one when the minute is new or unreadable. */
        Stats minute(long m, List<String> notes) {
            Object v = minutes.get(m);
            if (v instanceof Stats st) {
                return st;
            }
            Stats st = new Stats(Stats.MINUTE_ROUTES);
            if (v instanceof String raw) {
                try (JsonParser p = JSON.createParser(raw)) {
                    p.nextToken();
                    st = StatsJson.read(p, Stats.MINUTE_ROUTES);
                } catch (Exception e) {
                    notes.add("state minute " + m + " was unreadable (" + LogFiles.oneLine(e) + ")");
                    damaged = true;
                }
            }
            minutes.put(m, st);
            return st;
        }
    }

    private StateStore() {
    }

    /** Holds the lock for one run. */
    static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    static Lock lock(Path state, long waitMillis) throws LogEngineException {
        Path lockFile = state.resolveSibling(state.getFileName() + ".lock");
        try {
            Path parent = state.toAbsolutePath().getParent();
            if (parent != null) {
                PrivateFiles.folder(parent);
            }
            FileChannel ch = PrivateFiles.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + waitMillis * 1_000_000;
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null; // another thread of this JVM holds it
                }
                if (l != null) {
                    return new Lock(ch, l);
                }
                if (System.nanoTime() > deadline) {
                    ch.close();
                    throw new LogEngineException("state file " + state + " is locked by another run (waited " + waitMillis + " ms)");
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new LogEngineException("cannot lock state file " + lockFile + ": " + LogFiles.oneLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogEngineException("interrupted while waiting for the state lock");
        }
    }

    /** The stored state; a fresh one (with a note) when the file is missing or unreadable. */
    static State load(Path file, List<String> notes) {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return new State();
        }
        try {
            byte[] bytes = readAll(file);
            try (JsonParser p = JSON.createParser(bytes)) {
                return read(p, bytes);
            }
        } catch (Exception e) {
            notes.add("state file " + file + " was unreadable (" + LogFiles.oneLine(e) + "); rebuilt from the logs");
            return new State();
        }
    }

    /** The file's bytes, never through a link (a planted link to another file is unreadable, and rebuilt). */
    private static byte[] readAll(Path file) throws IOException {
        try (FileChannel ch = PrivateFiles.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException("state file too large (" + size + " bytes)");
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) size);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // until full or the end
            }
            return java.util.Arrays.copyOf(b.array(), b.position());
        }
    }

    private static State read(JsonParser p, byte[] bytes) throws Exception {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("unknown state version (not a JSON object)");
        }
        State s = new State();
        int version = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (p.nextToken() == null) {
                throw new IOException("state ends after " + field);
            }
            switch (field) {
                case "version" -> version = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
                case "mode" -> {
                    s.mode = p.getValueAsString("");
                    p.skipChildren();
                }
                case "routes" -> {
                    s.routes = p.getValueAsString("");
                    p.skipChildren();
                }
                case "files" -> {
                    StatsJson.expect(p, JsonToken.START_ARRAY, "files");
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        FileCursor c = cursor(p);
                        s.files.put(c.path(), c);
                    }
                    StatsJson.expect(p, JsonToken.END_ARRAY, "files");
                }
                case "total" -> s.total = StatsJson.read(p);
                case "minutes" -> {
                    StatsJson.expect(p, JsonToken.START_OBJECT, "minutes");
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        if (p.nextToken() != JsonToken.START_OBJECT) {
                            throw new IOException("state minute " + key + " is not an object");
                        }
                        // kept as its text and decoded only when a window needs this minute
                        int from = (int) p.currentTokenLocation().getByteOffset();
                        p.skipChildren();
                        int to = (int) p.currentLocation().getByteOffset();
                        s.minutes.put(Long.parseLong(key), new String(bytes, from, to - from, StandardCharsets.UTF_8));
                    }
                }
                case "series" -> {
                    StatsJson.expect(p, JsonToken.START_OBJECT, "series");
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        long key = Long.parseLong(p.currentName());
                        p.nextToken();
                        s.series.put(key, StatsJson.longs(p, Accumulator.SERIES_WIDTH));
                    }
                }
                case "malformed" -> s.malformed = StatsJson.number(p);
                default -> p.skipChildren();
            }
        }
        StatsJson.expect(p, JsonToken.END_OBJECT, "end");
        if (version != VERSION) {
            throw new IOException("unknown state version " + (version < 0 ? "(none)" : version));
        }
        return s;
    }

    private static FileCursor cursor(JsonParser p) throws IOException {
        String path = null;
        Long fingerprint = null;
        Integer fingerprintLength = null;
        Long offset = null;
        long lines = 0;
        long tail = FileCursor.NO_TAIL;
        List<String> layout = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            boolean value = t != JsonToken.VALUE_NULL;
            switch (field) {
                case "path" -> {
                    path = value ? p.getValueAsString() : null;
                    p.skipChildren();
                }
                case "fingerprint" -> fingerprint = value ? StatsJson.number(p) : null;
                case "fingerprintLength" -> fingerprintLength = value ? (int) StatsJson.number(p) : null;
                case "offset" -> offset = value ? StatsJson.number(p) : null;
                case "lines" -> lines = StatsJson.number(p);
                case "tail" -> tail = StatsJson.number(p);
                case "layout" -> {
                    if (t == JsonToken.START_ARRAY) {
                        layout = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            layout.add(p.getValueAsString(""));
                            p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        StatsJson.expect(p, JsonToken.END_OBJECT, "file entry");
        FileCursor c = new FileCursor(req(path, "path"), req(fingerprint, "fingerprint"), req(fingerprintLength, "fingerprintLength"),
                req(offset, "offset"), lines, layout, tail);
        if (c.offset() < 0 || c.fingerprintLength() < 0 || c.lines() < 0) {
            throw new IOException("negative offset in state");
        }
        return c;
    }

    private static <T> T req(T v, String field) throws IOException {
        if (v == null) {
            throw new IOException("state entry lacks " + field);
        }
        return v;
    }

    static void save(Path file, State s) throws LogEngineException {
        Path tmp = null;
        try {
            byte[] bytes = write(s);
            FileChannel[] opened = new FileChannel[1];
            tmp = PrivateFiles.tempBeside(file, opened);
            try (FileChannel ch = opened[0]) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // best effort: the old state is still intact
            }
            throw new LogEngineException("cannot write state file " + file + ": " + LogFiles.oneLine(e));
        }
    }

    private static byte[] write(State s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("version", VERSION);
            g.writeStringField("mode", s.mode);
            if (!s.routes.isEmpty()) {
                g.writeStringField("routes", s.routes);
            }
            g.writeArrayFieldStart("files");
            for (FileCursor c : s.files.values()) {
                g.writeStartObject();
                g.writeStringField("path", c.path());
                g.writeNumberField("fingerprint", c.fingerprint());
                g.writeNumberField("fingerprintLength", c.fingerprintLength());
                g.writeNumberField("offset", c.offset());
                g.writeNumberField("lines", c.lines());
                if (c.tail() != FileCursor.NO_TAIL) {
                    g.writeNumberField("tail", c.tail());
                }
                if (c.layout() != null) {
                    g.writeArrayFieldStart("layout");
                    for (String name : c.layout()) {
                        g.writeString(name);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("total");
            StatsJson.write(g, s.total);
            g.writeObjectFieldStart("minutes");
            for (Map.Entry<Long, Object> e : s.minutes.entrySet()) {
                g.writeFieldName(Long.toString(e.getKey()));
                if (e.getValue() instanceof Stats st) {
                    StatsJson.write(g, st);
                } else {
                    g.writeRawValue((String) e.getValue()); // carried along as read
                }
            }
            g.writeEndObject();
            g.writeObjectFieldStart("series");
            for (Map.Entry<Long, long[]> e : s.series.entrySet()) {
                g.writeArrayFieldStart(Long.toString(e.getKey()));
                for (long x : e.getValue()) {
                    g.writeNumber(x);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeNumberField("malformed", s.malformed);
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}
