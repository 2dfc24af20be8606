package io.arr502.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the state holds. */
    static final class State {
        final Map<String, FileCursor> files = new TreeMap<>();
        Stats total = new Stats();
        /** per-minute aggregates: a {@link Stats}, or its JSON until a run needs it (most minutes are only carried along) */
        final TreeMap<Long, Object> minutes = new TreeMap<>();
        final TreeMap<Long, long[]> series = new TreeMap<>();
        long malformed;
        String mode = "";
        /** set when a stored minute could not be decoded: the run then rebuilds the state from the logs */
        boolean damaged;

        /** The minute's stats, decoded on first use; a fresh one when the minute is new or unreadable. */
        Stats minute(long m, List<String> notes) {
            Object v = minutes.get(m);
            if (v instanceof Stats st) {
                return st;
            }
            Stats st = new Stats();
            if (v instanceof JsonNode raw) {
                try {
                    st = StatsJson.read(raw);
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
                Files.createDirectories(parent);
            }
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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
        if (!Files.exists(file)) {
            return new State();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.path("version").asInt() != VERSION) {
                throw new IOException("unknown state version " + (root == null ? "(empty)" : root.path("version").asText()));
            }
            State s = new State();
            s.mode = root.path("mode").asText("");
            for (JsonNode f : root.path("files")) {
                List<String> layout = null;
                if (f.path("layout").isArray()) {
                    layout = new ArrayList<>();
                    for (JsonNode n : f.get("layout")) {
                        layout.add(n.asText());
                    }
                }
                FileCursor c = new FileCursor(req(f, "path").asText(), req(f, "fingerprint").asLong(),
                        req(f, "fingerprintLength").asInt(), req(f, "offset").asLong(), f.path("lines").asLong(), layout);
                if (c.offset() < 0 || c.fingerprintLength() < 0) {
                    throw new IOException("negative offset in state");
                }
                s.files.put(c.path(), c);
            }
            if (root.has("total")) {
                s.total = StatsJson.read(root.get("total"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("minutes").fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isObject()) {
                    throw new IOException("state minute " + e.getKey() + " is not an object");
                }
                s.minutes.put(Long.parseLong(e.getKey()), e.getValue());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("series").fields(); it.hasNext(); ) {
                var e = it.next();
                long[] v = new long[Accumulator.SERIES_WIDTH];
                for (int i = 0; i < v.length && i < e.getValue().size(); i++) {
                    v[i] = e.getValue().get(i).asLong();
                }
                s.series.put(Long.parseLong(e.getKey()), v);
            }
            s.malformed = root.path("malformed").asLong();
            return s;
        } catch (Exception e) {
            notes.add("state file " + file + " was unreadable (" + LogFiles.oneLine(e) + "); rebuilt from the logs");
            return new State();
        }
    }

    private static JsonNode req(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IOException("state entry lacks " + field);
        }
        return v;
    }

    static void save(Path file, State s) throws LogEngineException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("mode", s.mode);
        ArrayNode files = root.putArray("files");
        for (FileCursor c : s.files.values()) {
            ObjectNode f = files.addObject();
            f.put("path", c.path()).put("fingerprint", c.fingerprint()).put("fingerprintLength", c.fingerprintLength())
                    .put("offset", c.offset()).put("lines", c.lines());
            if (c.layout() != null) {
                ArrayNode l = f.putArray("layout");
                c.layout().forEach(l::add);
            }
        }
        root.set("total", StatsJson.write(s.total));
        ObjectNode minutes = root.putObject("minutes");
        s.minutes.forEach((m, st) -> minutes.set(Long.toString(m), st instanceof Stats x ? StatsJson.write(x) : (JsonNode) st));
        ObjectNode series = root.putObject("series");
        s.series.forEach((m, v) -> {
            ArrayNode a = series.putArray(Long.toString(m));
            for (long x : v) {
                a.add(x);
            }
        });
        root.put("malformed", s.malformed);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            byte[] bytes = JSON.writeValueAsBytes(root);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
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
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the old state is still intact
            }
            throw new LogEngineException("cannot write state file " + file + ": " + LogFiles.oneLine(e));
        }
    }
}
