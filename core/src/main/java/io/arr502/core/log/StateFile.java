package io.arr502.core.log;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The incremental state, versioned JSON: per log file its identity and offset, and per UTC
 * minute the aggregates a window summary needs (so a windowed run never rereads old bytes).
 */
final class StateFile {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One log file: path, fingerprint of its first {@code fingerprintLength} bytes, size seen, offset consumed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileCursor(String path, String fingerprint, int fingerprintLength, long size, long offset,
                      long lineNo, String fields) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RouteState(String route, long[] counts, Map<Integer, Long> win32, String all, String ok, String failed502_3) {
    }

    /** One minute's aggregates; counts = the MinuteBucket columns. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MinuteState(long minute, Map<String, Long> status, Map<Integer, Long> win32, List<RouteState> routes,
                       Map<String, long[]> sites, Map<String, long[]> ips, long[] counts, long firstMs, long lastMs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record State(int version, List<FileCursor> files, List<MinuteState> minutes) {
        static State empty() {
            return new State(VERSION, new ArrayList<>(), new ArrayList<>());
        }
    }

    private StateFile() {
    }

    /** Reads the state; a missing file is an empty state; a corrupt or foreign one throws IOException. */
    static State read(Path p) throws IOException {
        if (!Files.exists(p) || Files.size(p) == 0) {
            return State.empty();
        }
        State s;
        try {
            s = JSON.readValue(p.toFile(), State.class);
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (s == null || s.version() != VERSION || s.files() == null || s.minutes() == null) {
            throw new IOException("unsupported or incomplete state (version " + (s == null ? "?" : s.version()) + ")");
        }
        for (FileCursor f : s.files()) {
            if (f == null || f.path() == null || f.fingerprint() == null || f.offset() < 0 || f.size() < f.offset()) {
                throw new IOException("invalid file cursor in state");
            }
        }
        for (MinuteState m : s.minutes()) {
            if (m == null || m.counts() == null || m.counts().length != 7 || m.status() == null || m.win32() == null
                    || m.routes() == null || m.sites() == null || m.ips() == null) {
                throw new IOException("invalid minute in state");
            }
        }
        return new State(s.version(), new ArrayList<>(s.files()), new ArrayList<>(s.minutes()));
    }

    /** temp file in the same folder, fsync, atomic rename: a crash leaves the old or the new state, never half. */
    static void write(Path p, State s) throws IOException {
        Path dir = p.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, p.getFileName().toString(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                // streamed: the state of a day of minutes must not need a second copy in a 64 MiB heap
                java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16);
                JSON.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, s);
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Map<Long, MinuteState> byMinute(List<MinuteState> ms) {
        Map<Long, MinuteState> out = new TreeMap<>();
        for (MinuteState m : ms) {
            out.put(m.minute(), m);
        }
        return out;
    }
}
