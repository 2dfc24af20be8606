package io.arr502.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The W3C log engine: reads IIS logs (only the new bytes when given a state file), counts and
 * measures every request in the window, and returns a {@link LogSummary}.
 * <p>
 * Bad lines never stop it: they are counted as malformed with examples. It throws
 * {@link LogEngineException} only when an input cannot be read at all, or the state lock cannot be had.
 */
public final class LogEngine {
    /** Files (or remaining ranges) above this are split across threads. */
    static final long SPLIT_THRESHOLD = 64L << 20;
    static final int FINGERPRINT_BYTES = 1024;
    /** State keeps at least this much minute detail, so a longer window after a restart still has data. */
    static final long MIN_RETENTION_MINUTES = 60;
    static final long LOCK_WAIT_MILLIS = 20_000;
    private static final Pattern SITE_FOLDER = Pattern.compile("(?i)W3SVC\\d+");

    private LogEngine() {
    }

    public static LogSummary analyze(LogRequest req) throws LogEngineException {
        List<Path> files = LogFiles.expand(req.inputs());
        List<String> notes = new ArrayList<>();
        if (req.stateFile() == null || req.window().kind() == Window.Kind.RANGE) {
            if (req.stateFile() != null) {
                notes.add("a from/to window reads the files in full; the state file was not used");
            }
            Accumulator acc = newAccumulator(req);
            long[] bytes = new long[2]; // read, and left unread at the deadline
            List<FileScanner.Job> jobs = new ArrayList<>();
            java.util.Set<Path> behind = behindTheWindow(files, acc);
            for (Path f : files) {
                if (!behind.contains(f)) {
                    jobs.add(new FileScanner.Job(f, 0, 0, null, null));
                }
            }
            int read = 0;
            List<TailFacts.End> ends = new ArrayList<>();
            List<FileCursor> cursors = FileScanner.scan(jobs, acc, req, bytes, notes);
            for (int i = 0; i < cursors.size(); i++) {
                read += cursors.get(i) != null ? 1 : 0;
                ends.add(0, new TailFacts.End(jobs.get(i).file(), cursors.get(i)));
            }
            return withExamples(SummaryBuilder.build(acc, null, req, read, bytes[0], bytes[1], notes), acc, req, ends);
        }
        try (StateStore.Lock lock = StateStore.lock(req.stateFile(), LOCK_WAIT_MILLIS)) {
            return incremental(files, req, notes);
        } catch (IOException e) {
            throw new LogEngineException("cannot release state lock: " + LogFiles.oneLine(e));
        }
    }

    private static LogSummary incremental(List<Path> files, LogRequest req, List<String> notes) throws LogEngineException {
        return incremental(files, req, notes, false);
    }

    private static LogSummary incremental(List<Path> files, LogRequest req, List<String> notes, boolean fresh)
            throws LogEngineException {
        StateStore.State loaded = fresh ? new StateStore.State() : StateStore.load(req.stateFile(), notes);
        String mode = req.window().kind() == Window.Kind.ALL ? "all" : "minutes";
        if (!loaded.mode.isEmpty() && !loaded.mode.equals(mode)) {
            notes.add("window kind changed since the last run; state rebuilt");
            loaded = new StateStore.State();
        }
        String routes = req.routes() == null ? "" : req.routes().description();
        if (!loaded.routes.equals(routes) && (!loaded.files.isEmpty() || !loaded.series.isEmpty())) {
            // its counts left out other routes (or none): only a read under this filter is exact
            notes.add("route filter changed since the last run; state rebuilt");
            loaded = new StateStore.State();
        }
        final StateStore.State state = loaded;
        state.mode = mode;
        state.routes = routes;
        Accumulator acc = newAccumulator(req);
        Map<String, FileCursor> old = new HashMap<>(state.files);
        Map<String, FileCursor> before = new HashMap<>(state.files);
        Map<String, FileCursor> next = new java.util.TreeMap<>();
        long[] bytes = new long[2]; // read, and left unread at the deadline
        java.util.Set<Path> behind = behindTheWindow(files, acc);
        // each file's own cursor first; a cursor that no longer describes its file (truncated, replaced, or
        // another file under the old name after a rename) may still be the cursor of a file moved elsewhere
        List<Path> open = new ArrayList<>();
        Map<Path, Long> sizes = new HashMap<>();
        Map<Path, FileCursor> continues = new HashMap<>();
        Map<String, String> changed = new java.util.LinkedHashMap<>(); // key -> why its cursor no longer fits
        for (Path f : files) {
            String key = f.toAbsolutePath().normalize().toString();
            FileCursor prev = old.remove(key);
            if (behind.contains(f)) {
                // nothing in it reaches the window or the state's minutes: not read, and its cursor goes, so a
                // year of daily files costs each run a stat per file, not an open and a read of its first bytes
                continue;
            }
            long size;
            try {
                size = Files.size(f);
            } catch (IOException e) {
                throw new LogEngineException("cannot read log file " + f + ": " + LogFiles.oneLine(e));
            }
            open.add(f);
            sizes.put(f, size);
            if (prev != null) {
                String why = mismatch(f, size, prev);
                if (why == null) {
                    continues.put(f, prev);
                } else {
                    changed.put(key, f.getFileName() + " " + why);
                    old.put(key, prev); // free for a file it moved to
                }
            }
        }
        for (Path f : open) {
            if (!continues.containsKey(f)) {
                FileCursor moved = renamedFrom(f, sizes.get(f), old);
                if (moved != null) {
                    old.remove(moved.path());
                    changed.remove(moved.path());
                    continues.put(f, moved);
                    notes.add(Path.of(moved.path()).getFileName() + " was renamed to " + f.getFileName()
                            + ": continued at byte " + moved.offset());
                }
            }
        }
        // (a changed file explains a mismatch already)
        String implausible = changed.isEmpty() ? implausible(state, continues.values(), acc.fromMinute) : null;
        if (!fresh && (!changed.isEmpty() || implausible != null)) {
            // the lines such a file held are already in the minutes, and which minutes they fed is not kept: only
            // counting again from the logs as they are now counts each line once
            if (implausible != null) {
                notes.add("state file " + req.stateFile() + " does not match the logs it describes (" + implausible + "); rebuilt from the logs");
            }
            for (String why : changed.values()) {
                notes.add(why + ": its lines were counted already, so the state is rebuilt from the logs");
            }
            return incremental(files, req, notes, true);
        }
        List<FileScanner.Job> jobs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Path f : open) {
            FileCursor c = continues.get(f);
            jobs.add(c == null ? new FileScanner.Job(f, 0, 0, null, null)
                    : new FileScanner.Job(f, c.offset(), c.lines(), c.layout() == null ? null : new FieldLayout(c.layout()), c));
            keys.add(f.toAbsolutePath().normalize().toString());
        }
        List<FileCursor> cursors = FileScanner.scan(jobs, acc, req, bytes, notes);
        int read = 0;
        for (int i = 0; i < cursors.size(); i++) {
            FileCursor cur = cursors.get(i);
            if (cur == null) {
                continue;
            }
            if (cur.offset() > jobs.get(i).start()) {
                read++;
            }
            next.put(keys.get(i), cur);
        }
        state.files.clear();
        state.files.putAll(next);

        // fold the new minutes into the state, then keep only what the window (or an hour) needs
        if (mode.equals("all")) {
            state.total.absorb(acc.total);
            acc.series.forEach((m, v) -> addSeries(state.series, m, v));
        } else {
            // acc is not used after this: its minutes move into the state
            acc.minutes.forEach((m, s) -> state.absorb(m, s, notes));
            acc.series.forEach((m, v) -> addSeries(state.series, m, v));
        }
        state.malformed += acc.malformed;
        long newest = Math.max(acc.newestMinute, state.series.isEmpty() ? Long.MIN_VALUE : state.series.lastKey());
        long length = req.window().kind() == Window.Kind.LAST ? req.window().length().toMinutes() : 0;
        long end = req.window().anchorLatest() ? newest : nowMinute(req);
        long retainFrom = mode.equals("all") ? end - 1440 : end - Math.max(length, MIN_RETENTION_MINUTES) + 1;
        int evicted = state.minutes.headMap(retainFrom).size() + state.series.headMap(retainFrom).size();
        state.minutes.headMap(retainFrom).clear();
        state.series.headMap(retainFrom).clear();
        // nothing read, nothing moved: leave the file alone (no rewrite, no fsync on every quiet check)
        if (bytes[0] > 0 || evicted > 0 || !next.equals(before) || !notes.isEmpty()) {
            StateStore.save(req.stateFile(), state);
        }

        List<TailFacts.End> ends = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            ends.add(0, new TailFacts.End(jobs.get(i).file(), next.get(keys.get(i))));
        }
        Accumulator view = newAccumulator(req);
        view.seeAs(acc);
        // the newest request: this run's lines, the state's minutes, else read back from the end (a log that
        // stopped being written longer ago than the state keeps minutes)
        view.newestSeen = Math.max(acc.newestSeen, state.series.isEmpty() ? Long.MIN_VALUE : state.series.lastKey());
        if (view.newestSeen == Long.MIN_VALUE) {
            view.newestSeen = TailFacts.newestMinute(ends, req.routes());
        }
        if (mode.equals("all")) {
            view.total.merge(state.total);
        } else if (end != Long.MIN_VALUE) { // (a window anchored at the newest request, and none in the logs: no minute)
            long from = length > 0 ? end - length + 1 : Long.MIN_VALUE;
            for (long m : new java.util.ArrayList<>(state.minutes.subMap(from, true, end, true).keySet())) {
                Stats st = state.minute(m, notes);
                long[] ser = state.series.get(m);
                if (st.requests != (ser == null ? 0 : ser[Accumulator.SERIES_REQUESTS]) && !state.damaged) {
                    // both are counted from the same lines: a state that disagrees with itself was not written by a run
                    notes.add("state minute " + m + " disagrees with its series");
                    state.damaged = true;
                }
                view.minutes.put(m, st);
            }
        }
        state.series.forEach((m, v) -> view.series.put(m, v));
        view.malformed = mode.equals("all") ? state.malformed : acc.malformed;
        view.examples.addAll(acc.examples);
        view.newestMinute = newest;
        view.oldestMinute = state.series.isEmpty() ? Long.MAX_VALUE : state.series.firstKey();
        if (state.damaged && !fresh) {
            // the cursors already moved past the lines of the lost minute: only a full reread is exact
            notes.add("state file " + req.stateFile() + " had unreadable minutes; rebuilt from the logs");
            return incremental(files, req, notes, true);
        }
        return withExamples(SummaryBuilder.build(view, null, req, read, bytes[0], bytes[1], notes), view, req, ends);
    }

    /** A few of the window's newest 502.3 lines, read back from where the files' reads ended (only when there are some). */
    private static LogSummary withExamples(LogSummary s, Accumulator acc, LogRequest req, List<TailFacts.End> newestFirst) {
        if (s.count502_3() + s.count(LogSummary.UNKNOWN_SUBSTATUS_502) == 0) {
            return s;
        }
        long[] window = SummaryBuilder.windowMinutes(acc, req);
        return s.withFailedExamples(TailFacts.failedExamples(newestFirst, window[0], window[1], req.routes()));
    }

    /**
     * The files last written before the accumulator's first minute: they hold no line it keeps, because IIS
     * writes a line after the time it carries, so a closed file's modification time is at least its newest
     * line's. They are not read at all, so a check pointed at a year of daily logs reads only the files its
     * window reaches (reading them all overran the check's deadline on every run, and a run that times out
     * saves no state). None for window all or a window anchored at the newest line, and never the newest
     * file of a folder: IIS holds it open, and Windows promises a file's last-write time only once the
     * handles that wrote it are closed.
     */
    private static java.util.Set<Path> behindTheWindow(List<Path> inTimeOrder, Accumulator acc) {
        java.util.Set<Path> out = new java.util.HashSet<>();
        if (acc.trailingMinutes != 0 || acc.fromMinute == Long.MIN_VALUE) {
            return out;
        }
        Map<Path, Path> newest = new HashMap<>();
        for (Path f : inTimeOrder) {
            newest.put(f.toAbsolutePath().getParent(), f);
        }
        java.util.Set<Path> current = new java.util.HashSet<>(newest.values());
        for (Path f : inTimeOrder) {
            if (!current.contains(f) && lastWrittenBefore(f, acc.fromMinute)) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean lastWrittenBefore(Path f, long minute) {
        try {
            // compared in minutes: a window from a far-away year would overflow milliseconds
            return Math.floorDiv(Files.getLastModifiedTime(f).toMillis(), 60_000L) < minute;
        } catch (IOException e) {
            return false; // read it, and let the read report the problem
        }
    }

    private static void addSeries(Map<Long, long[]> into, long m, long[] v) {
        long[] mine = into.computeIfAbsent(m, k -> new long[Accumulator.SERIES_WIDTH]);
        for (int i = 0; i < mine.length; i++) {
            mine[i] += v[i];
        }
    }

    static long nowMinute(LogRequest req) {
        return Math.floorDiv(req.now().getEpochSecond(), 60);
    }

    static Accumulator newAccumulator(LogRequest req) {
        Accumulator a = windowAccumulator(req);
        a.routeFilter = req.routes();
        return a;
    }

    private static Accumulator windowAccumulator(LogRequest req) {
        Window w = req.window();
        return switch (w.kind()) {
            case ALL -> new Accumulator(false, Long.MIN_VALUE, Long.MAX_VALUE, 0, req.maxMalformedExamples());
            case RANGE -> new Accumulator(true, w.from() == null ? Long.MIN_VALUE : Math.floorDiv(w.from().getEpochSecond(), 60),
                    w.to() == null ? Long.MAX_VALUE : Math.floorDiv(w.to().getEpochSecond() - 1, 60), 0, req.maxMalformedExamples());
            case LAST -> {
                long len = Math.max(1, w.length().toMinutes());
                if (w.anchorLatest()) {
                    long keep = req.stateFile() != null ? Math.max(len, MIN_RETENTION_MINUTES) : len;
                    yield new Accumulator(true, Long.MIN_VALUE, Long.MAX_VALUE, keep - 1, req.maxMalformedExamples());
                }
                long now = nowMinute(req);
                long keep = req.stateFile() != null ? Math.max(len, MIN_RETENTION_MINUTES) : len;
                yield new Accumulator(true, now - keep + 1, now, 0, req.maxMalformedExamples());
            }
        };
    }

    /**
     * A new name whose bytes match a cursor no file holds any more (its file is gone, or its name now holds
     * other bytes) is that file, moved (rotation by rename, or renamed away and the old name written again):
     * continuing at its offset avoids counting its lines twice.
     */
    private static FileCursor renamedFrom(Path f, long size, Map<String, FileCursor> unmatched) throws LogEngineException {
        for (FileCursor c : unmatched.values()) {
            if (c.offset() > 0 && mismatch(f, size, c) == null) {
                return c;
            }
        }
        return null;
    }

    /** Why cursor c does not describe file f (of size bytes) read up to its offset; null when it does. */
    private static String mismatch(Path f, long size, FileCursor c) throws LogEngineException {
        if (size < c.offset()) {
            return "shrank below the last offset (truncated, or being copied again)";
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            byte[] head = head(ch, c.fingerprintLength());
            if (fingerprint(head, head.length) != c.fingerprint()) {
                return "was replaced (its first bytes changed)";
            }
            if (c.tail() != FileCursor.NO_TAIL && tail(ch, c.offset()) != c.tail()) {
                return "was replaced (the bytes before the last offset changed)";
            }
            return null;
        } catch (IOException e) {
            throw new LogEngineException("cannot read log file " + f + ": " + LogFiles.oneLine(e));
        }
    }

    /**
     * Why the state cannot be the count of these logs, or null: a cursor claims more lines than it has bytes,
     * or the minutes hold more requests than the lines of every file the state continues.
     */
    private static String implausible(StateStore.State state, java.util.Collection<FileCursor> continued, long fromMinute) {
        long lines = 0;
        for (FileCursor c : continued) {
            if (c.lines() > c.offset()) {
                return String.format(java.util.Locale.US, "%s: %,d lines in %,d bytes", Path.of(c.path()).getFileName(), c.lines(), c.offset());
            }
            lines += c.lines();
        }
        long requests = 0;
        if (state.mode.equals("all")) {
            requests = state.total.requests;
        } else {
            for (long[] v : state.series.tailMap(fromMinute).values()) {
                requests += v[Accumulator.SERIES_REQUESTS];
            }
        }
        return requests > lines ? String.format(java.util.Locale.US, "%,d requests counted, at most %,d lines read", requests, lines) : null;
    }

    /** The fingerprint of the (up to) {@link #FINGERPRINT_BYTES} bytes before offset. */
    static long tail(FileChannel ch, long offset) throws IOException {
        int length = (int) Math.min(FINGERPRINT_BYTES, offset);
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, offset - length + b.position()) < 0) {
                break;
            }
        }
        return fingerprint(b.array(), b.position());
    }

    /** The fingerprint of the first length bytes of head. */
    static long fingerprint(byte[] head, int length) {
        CRC32 crc = new CRC32();
        crc.update(head, 0, length);
        return crc.getValue() ^ ((long) length << 40);
    }

    /** A file's first length bytes (fewer in a shorter file). */
    static byte[] head(FileChannel ch, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, b.position()) < 0) {
                break;
            }
        }
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    static String siteFromFolder(Path f) {
        Path parent = f.toAbsolutePath().getParent();
        if (parent != null && parent.getFileName() != null) {
            Matcher m = SITE_FOLDER.matcher(parent.getFileName().toString());
            if (m.matches()) {
                return parent.getFileName().toString();
            }
        }
        return "(unknown site)";
    }
}
