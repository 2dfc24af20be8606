package io.arr502.core.log;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A run with a state file: under the lock, read only bytes past each file's saved offset, fold
 * them into per-minute aggregates, summarise the window from those aggregates, save atomically.
 */
final class IncrementalRun {
    /** Per-minute aggregates are kept this long before the newest request (or longer if a window needs it). */
    static final long RETENTION_MS = 25 * 3_600_000L;
    static final int FINGERPRINT_BYTES = 1024;
    /** FileLock is per process; threads of one process queue here first. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private IncrementalRun() {
    }

    static LogSummary run(LogRequest req, List<Path> files) throws LogEngineException {
        Path state = req.stateFile().toAbsolutePath().normalize();
        Path lockFile = state.resolveSibling(state.getFileName() + ".lock");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(state, k -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(state.getParent());
            try (FileChannel lc = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lc.lock()) {
                return locked(req, files, state);
            }
        } catch (IOException e) {
            throw new LogEngineException("cannot use state file " + state + ": " + LogFiles.oneLine(e), e);
        } finally {
            local.unlock();
        }
    }

    private static LogSummary locked(LogRequest req, List<Path> files, Path statePath) throws LogEngineException, IOException {
        List<String> notes = new ArrayList<>();
        StateFile.State st;
        try {
            st = StateFile.read(statePath);
        } catch (IOException e) {
            notes.add("state file " + statePath + " unreadable (" + LogFiles.oneLine(e) + "): rebuilt from the logs");
            st = StateFile.State.empty();
        }
        try {
            return withState(req, files, statePath, st, notes);
        } catch (StateCorrupt e) {
            notes.clear();
            notes.add("state file " + statePath + " unreadable (" + e.getMessage() + "): rebuilt from the logs");
            try {
                return withState(req, files, statePath, StateFile.State.empty(), notes);
            } catch (StateCorrupt again) {
                throw new LogEngineException("internal state error: " + again.getMessage());
            }
        }
    }

    private static final class StateCorrupt extends Exception {
        StateCorrupt(String m) {
            super(m);
        }
    }

    private static LogSummary withState(LogRequest req, List<Path> files, Path statePath, StateFile.State st,
                                        List<String> notes) throws LogEngineException, IOException, StateCorrupt {
        Map<String, StateFile.FileCursor> byPath = new HashMap<>();
        for (StateFile.FileCursor c : st.files()) {
            byPath.put(c.path(), c);
        }
        Set<String> current = new HashSet<>();
        for (Path f : files) {
            current.add(f.toString());
        }
        List<StateFile.FileCursor> vanished = new ArrayList<>();
        for (StateFile.FileCursor c : st.files()) {
            if (!current.contains(c.path())) {
                vanished.add(c);
            }
        }

        Tally runTally = new Tally(); // malformed lines of this run
        Map<Long, Tally> fresh = new TreeMap<>();
        long[] lastKey = {Long.MIN_VALUE + 1};
        Tally[] lastTally = {null};
        LineScanner.Sink sink = timeMs -> {
            long minute = timeMs == Long.MIN_VALUE ? Long.MIN_VALUE : Math.floorDiv(timeMs, 60_000L);
            if (minute != lastKey[0]) {
                lastKey[0] = minute;
                lastTally[0] = fresh.computeIfAbsent(minute, k -> new Tally());
            }
            return lastTally[0];
        };
        List<StateFile.FileCursor> cursors = new ArrayList<>();
        long bytesRead = 0;
        for (Path f : files) {
            String name = f.toString();
            long size;
            try {
                size = Files.size(f);
            } catch (IOException e) {
                throw new LogEngineException("cannot read log file " + f + ": " + LogFiles.oneLine(e), e);
            }
            StateFile.FileCursor c = byPath.get(name);
            if (c == null) {
                for (StateFile.FileCursor v : vanished) {
                    if (size >= v.offset() && v.fingerprint().equals(fingerprint(f, v.fingerprintLength()))) {
                        notes.add("log file " + v.path() + " now named " + name + ": continued at byte " + v.offset());
                        c = v;
                        vanished.remove(v);
                        break;
                    }
                }
            }
            long from = 0;
            long lineNo = 0;
            FieldLayout layout = null;
            if (c != null) {
                if (size < c.offset()) {
                    notes.add("log file " + name + " was truncated (" + size + " < " + c.offset() + " bytes): read from the start");
                } else if (!c.fingerprint().equals(fingerprint(f, c.fingerprintLength()))) {
                    notes.add("log file " + name + " was replaced (first bytes differ): read from the start");
                } else {
                    from = c.offset();
                    lineNo = c.lineNo();
                    layout = c.fields() == null ? null : FieldLayout.parse(c.fields());
                }
            }
            LineScanner s = new LineScanner(runTally, sink, Long.MIN_VALUE, Long.MAX_VALUE, req.maxMalformedExamples());
            try {
                s.scan(f, from, layout, lineNo);
            } catch (IOException e) {
                throw new LogEngineException("cannot read log file " + f + ": " + LogFiles.oneLine(e), e);
            }
            bytesRead += s.bytesRead;
            int fpLen = (int) Math.min(FINGERPRINT_BYTES, s.consumed);
            cursors.add(new StateFile.FileCursor(name, fingerprint(f, fpLen), fpLen, Math.max(size, s.consumed), s.consumed,
                    s.lineNo(), s.layout() == null ? null : s.layout().text));
        }
        for (StateFile.FileCursor v : vanished) {
            notes.add("log file " + v.path() + " is gone: its counted minutes are kept");
        }

        // fold fresh minutes into the saved ones
        Map<Long, StateFile.MinuteState> minutes = StateFile.byMinute(st.minutes());
        for (Map.Entry<Long, Tally> e : fresh.entrySet()) {
            if (e.getKey() == Long.MIN_VALUE) {
                continue; // lines without date/time cannot be placed in a minute
            }
            Tally t = e.getValue();
            StateFile.MinuteState old = minutes.get(e.getKey());
            if (old != null) {
                Tally merged = decode(old);
                merged.merge(t, 0);
                t = merged;
            }
            minutes.put(e.getKey(), t.toState(e.getKey()));
        }
        long newestMs = Long.MIN_VALUE;
        for (StateFile.MinuteState m : minutes.values()) {
            newestMs = Math.max(newestMs, m.lastMs());
        }
        Instant end = req.anchorLatest() && newestMs != Long.MIN_VALUE ? Instant.ofEpochMilli(newestMs) : req.now();
        long[] bounds = req.window().bounds(end);
        long keep = Math.max(RETENTION_MS, req.window().last() == null ? 0 : req.window().last().toMillis() + 60_000L);
        long oldestKept = newestMs == Long.MIN_VALUE ? Long.MIN_VALUE : newestMs - keep;
        if (req.window().isAll() && !minutes.isEmpty() && minutes.keySet().iterator().next() * 60_000L < oldestKept) {
            notes.add("incremental run keeps " + keep / 3_600_000L + " h of per-minute data: older minutes are not in the summary");
        }

        Tally result = new Tally();
        List<StateFile.MinuteState> kept = new ArrayList<>();
        for (StateFile.MinuteState m : minutes.values()) {
            long startMs = m.minute() * 60_000L;
            if (startMs + 60_000L <= oldestKept) {
                continue;
            }
            kept.add(m);
            if (startMs >= bounds[0] && startMs < bounds[1]) {
                result.merge(decode(m), 0);
            }
        }
        Tally untimed = fresh.get(Long.MIN_VALUE);
        if (untimed != null && req.window().isAll()) {
            result.merge(untimed, 0);
        }
        result.merge(runTally, req.maxMalformedExamples());
        StateFile.write(statePath, new StateFile.State(StateFile.VERSION, cursors, kept));
        return result.summary(files.size(), bytesRead, notes);
    }

    private static Tally decode(StateFile.MinuteState m) throws StateCorrupt {
        try {
            return Tally.fromState(m);
        } catch (IOException e) {
            throw new StateCorrupt(e.getMessage());
        }
    }

    static String fingerprint(Path f, int len) throws LogEngineException {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] b = in.readNBytes(len);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(b);
            return HexFormat.of().formatHex(md.digest()) + ":" + b.length;
        } catch (IOException e) {
            throw new LogEngineException("cannot read log file " + f + ": " + LogFiles.oneLine(e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
