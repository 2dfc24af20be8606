package io.arr502.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
            long[] bytes = new long[1];
            int read = 0;
            for (Path f : files) {
                if (scanFile(f, 0, 0, null, acc, req, bytes, notes) != null) {
                    read++;
                }
            }
            return SummaryBuilder.build(acc, null, req, read, bytes[0], notes);
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
        final StateStore.State state = loaded;
        state.mode = mode;
        Accumulator acc = newAccumulator(req);
        Map<String, FileCursor> old = new HashMap<>(state.files);
        Map<String, FileCursor> before = new HashMap<>(state.files);
        Map<String, FileCursor> next = new java.util.TreeMap<>();
        long[] bytes = new long[1];
        int read = 0;
        for (Path f : files) {
            String key = f.toAbsolutePath().normalize().toString();
            FileCursor prev = old.remove(key);
            long size;
            try {
                size = Files.size(f);
            } catch (IOException e) {
                throw new LogEngineException("cannot read log file " + f + ": " + LogFiles.oneLine(e));
            }
            if (prev == null) {
                prev = renamedFrom(f, size, old);
                if (prev != null) {
                    old.remove(prev.path());
                    notes.add(Path.of(prev.path()).getFileName() + " was renamed to " + f.getFileName()
                            + ": continued at byte " + prev.offset());
                }
            }
            long start = 0;
            long lines = 0;
            FieldLayout layout = null;
            if (prev != null) {
                if (size < prev.offset()) {
                    notes.add(f.getFileName() + " shrank below the last offset (truncated): read again from the start");
                } else if (fingerprint(f, prev.fingerprintLength()) != prev.fingerprint()) {
                    notes.add(f.getFileName() + " was replaced (its first bytes changed): read again from the start");
                } else {
                    start = prev.offset();
                    lines = prev.lines();
                    layout = prev.layout() == null ? null : new FieldLayout(prev.layout());
                }
            }
            FileCursor cur = scanFile(f, start, lines, layout, acc, req, bytes, notes);
            if (cur == null) {
                continue;
            }
            if (cur.offset() > start) {
                read++;
            }
            next.put(key, cur);
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

        Accumulator view = newAccumulator(req);
        if (mode.equals("all")) {
            view.total.merge(state.total);
        } else {
            long from = length > 0 ? end - length + 1 : Long.MIN_VALUE;
            for (long m : new java.util.ArrayList<>(state.minutes.subMap(from, true, end, true).keySet())) {
                view.minutes.put(m, state.minute(m, notes));
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
        return SummaryBuilder.build(view, null, req, read, bytes[0], notes);
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

    /** Reads [start, EOF) of one file into acc; returns the new cursor, or null when the file vanished. */
    private static FileCursor scanFile(Path f, long start, long lines, FieldLayout layout, Accumulator acc,
                                       LogRequest req, long[] bytes, List<String> notes) throws LogEngineException {
        String name = f.toString();
        ByteKey folderSite = ByteKey.of(siteFromFolder(f));
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long size = ch.size();
            long end = size;
            List<long[]> ranges = split(ch, start, end, req.threads());
            ChunkScanner.Result last;
            if (ranges.size() == 1) {
                Accumulator part = acc.emptyCopy();
                last = new ChunkScanner().scan(ch, start, end, layout, part, null, name, folderSite);
                shiftExamples(part, lines);
                acc.merge(part);
            } else {
                last = parallel(ch, ranges, layout, acc, lines, name, folderSite, req.threads());
            }
            bytes[0] += last.consumedEnd() - start;
            int fpLen = (int) Math.min(FINGERPRINT_BYTES, last.consumedEnd());
            long fp = fingerprint(ch, fpLen);
            FieldLayout at = last.layoutAtEnd();
            return new FileCursor(f.toAbsolutePath().normalize().toString(), fp, fpLen, last.consumedEnd(),
                    lines + last.lines(), at == null ? null : at.fieldNames());
        } catch (java.nio.file.NoSuchFileException e) {
            notes.add(f.getFileName() + " disappeared while being read");
            return null;
        } catch (IOException e) {
            throw new LogEngineException("cannot read log file " + f + ": " + LogFiles.oneLine(e));
        }
    }

    /**
     * Splits [start, end) into ranges that begin right after a newline. Chunks after the first assume
     * the layout the first chunk ends with; that is checked afterwards and the prefix redone if wrong.
     */
    private static ChunkScanner.Result parallel(FileChannel ch, List<long[]> ranges, FieldLayout layout, Accumulator acc,
                                                long baseLines, String name, ByteKey folderSite, int threads)
            throws IOException, LogEngineException {
        FieldLayout assumed = layout != null ? layout : firstLayout(ch, ranges.get(0)[0]);
        int n = ranges.size();
        Accumulator[] parts = new Accumulator[n];
        Accumulator[] prefixes = new Accumulator[n];
        List<Future<ChunkScanner.Result>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
            Thread t = new Thread(r, "arr502-log-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < n; i++) {
                final int k = i;
                parts[k] = acc.emptyCopy();
                prefixes[k] = k == 0 ? null : acc.emptyCopy();
                futures.add(pool.submit(() -> new ChunkScanner().scan(ch, ranges.get(k)[0], ranges.get(k)[1],
                        k == 0 ? layout : assumed, parts[k], prefixes[k], name, folderSite)));
            }
            ChunkScanner.Result prev = null;
            long lines = baseLines;
            long consumed = ranges.get(0)[0];
            for (int k = 0; k < n; k++) {
                ChunkScanner.Result r = futures.get(k).get();
                if (k > 0) {
                    boolean sameLayout = java.util.Objects.equals(prev.layoutAtEnd(), assumed);
                    if (sameLayout) {
                        shiftExamples(prefixes[k], lines);
                        acc.merge(prefixes[k]);
                    } else {
                        // the assumption was wrong: redo the lines before this chunk's first directive
                        long prefixEnd = r.firstDirective() >= 0 ? r.firstDirective() : r.consumedEnd();
                        Accumulator redo = acc.emptyCopy();
                        new ChunkScanner().scan(ch, ranges.get(k)[0], prefixEnd, prev.layoutAtEnd(), redo, null, name, folderSite);
                        shiftExamples(redo, lines);
                        acc.merge(redo);
                        if (r.firstDirective() < 0) {
                            r = new ChunkScanner.Result(r.consumedEnd(), prev.layoutAtEnd(), r.lines(), -1);
                        }
                    }
                }
                shiftExamples(parts[k], lines);
                acc.merge(parts[k]);
                lines += r.lines();
                consumed = r.consumedEnd();
                prev = r;
            }
            return new ChunkScanner.Result(consumed, prev.layoutAtEnd(), lines - baseLines, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogEngineException("interrupted while scanning " + name);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            throw new LogEngineException("scan of " + name + " failed: " + LogFiles.oneLine(c));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void shiftExamples(Accumulator a, long base) {
        if (base == 0 || a.examples.isEmpty()) {
            return;
        }
        a.examples.replaceAll(m -> new MalformedLine(m.file(), m.lineNumber() + base, m.reason()));
    }

    static List<long[]> split(FileChannel ch, long start, long end, int threads) throws IOException {
        List<long[]> out = new ArrayList<>();
        if (threads <= 1 || end - start < SPLIT_THRESHOLD) {
            out.add(new long[]{start, end});
            return out;
        }
        // one range per thread, not more: a thread that starts a second range meets a new scanner's first
        // lines (empty caches, new accumulator) as branches the JIT has pruned, and recompiles the whole scan
        // (a cold 1 GiB run took 12 % longer with two ranges per thread)
        int parts = threads;
        long step = (end - start) / parts;
        long from = start;
        ByteBuffer probe = ByteBuffer.allocate(64 * 1024);
        for (int i = 1; i < parts; i++) {
            long at = nextLineStart(ch, start + i * step, end, probe);
            if (at <= from || at >= end) {
                continue;
            }
            out.add(new long[]{from, at});
            from = at;
        }
        out.add(new long[]{from, end});
        return out;
    }

    private static long nextLineStart(FileChannel ch, long pos, long end, ByteBuffer probe) throws IOException {
        while (pos < end) {
            probe.clear();
            int r = ch.read(probe, pos);
            if (r <= 0) {
                return end;
            }
            for (int i = 0; i < r; i++) {
                if (probe.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += r;
        }
        return end;
    }

    /** The first #Fields layout of a file read from its start (IIS writes it in the header block). */
    private static FieldLayout firstLayout(FileChannel ch, long start) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64 * 1024);
        ch.read(b, start);
        String head = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
        for (String line : head.split("\n")) {
            if (line.startsWith("#Fields:")) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                int to = bytes.length;
                if (to > 0 && bytes[to - 1] == '\r') {
                    to--;
                }
                return FieldLayout.parse(bytes, 8, to);
            }
            if (!line.startsWith("#") && !line.isBlank() && !line.startsWith("\uFEFF#")) {
                break;
            }
        }
        return null;
    }

    /**
     * A new name whose first bytes match a cursor whose file is gone is that file, moved
     * (rotation by rename): continuing at its offset avoids counting its lines twice.
     */
    private static FileCursor renamedFrom(Path f, long size, Map<String, FileCursor> unmatched) throws LogEngineException {
        for (FileCursor c : unmatched.values()) {
            if (c.offset() > 0 && size >= c.offset() && !Files.exists(Path.of(c.path()))
                    && fingerprint(f, c.fingerprintLength()) == c.fingerprint()) {
                return c;
            }
        }
        return null;
    }

    static long fingerprint(Path f, int length) throws LogEngineException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            return fingerprint(ch, length);
        } catch (IOException e) {
            throw new LogEngineException("cannot read log file " + f + ": " + LogFiles.oneLine(e));
        }
    }

    private static long fingerprint(FileChannel ch, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, b.position()) < 0) {
                break;
            }
        }
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        return crc.getValue() ^ ((long) b.position() << 40);
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
