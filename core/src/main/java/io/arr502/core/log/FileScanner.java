package io.arr502.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * Reads the new bytes of a list of log files into one accumulator. The work is cut into ranges that begin
 * right after a newline: one per file, or one per thread for a file above {@link LogEngine#SPLIT_THRESHOLD}.
 * When there is enough to read, a pool of threads runs the ranges, so a folder of daily logs uses every
 * core as one large file does. Results are merged in file and range order, so the answer is the
 * sequential one; a file is merged only once all its ranges are read, so one that vanishes halfway is
 * left out whole. With a read deadline, reading stops when it passes and each file is merged up to where
 * its reading stopped (see {@link LogRequest#readDeadline()}).
 */
final class FileScanner {
    /** Below this many new bytes in all, ranges run in the calling thread: a scheduled check reads kilobytes. */
    static final long PARALLEL_THRESHOLD = 8L << 20;

    /**
     * A file to read from {@code start}, with what its cursor knew: the lines before start and the layout
     * there; {@code cursor} is that cursor when start is its offset (kept as it is when the run reads nothing).
     */
    record Job(Path file, long start, long lines, FieldLayout layout, FileCursor cursor) {
    }

    private FileScanner() {
    }

    /** One file's ranges and what they are read into. */
    private static final class Plan {
        final Job job;
        final String name;
        final ByteKey folderSite;
        final List<long[]> ranges;
        /** The layout ranges after the first assume: the one the first range ends with, checked when merging. */
        final FieldLayout assumed;
        /** What each range is read into: made when it runs, so a plan waiting its turn holds no counts. */
        final Accumulator[] parts;
        /** For a range after the first: its lines before its own first directive. */
        final Accumulator[] prefixes;
        final List<FutureTask<ChunkScanner.Result>> tasks = new ArrayList<>();
        /** The file's first bytes (up to the fingerprint's length), for the cursor's fingerprint wherever the read ends. */
        final byte[] head;
        /** Epoch milliseconds after which no buffer is read. */
        final long stopAt;
        /** Set before any range runs: the run's first range with bytes to read, which reads even past the deadline. */
        boolean first;

        Plan(Job job, List<long[]> ranges, FieldLayout assumed, Accumulator acc, byte[] head, long stopAt) {
            this.job = job;
            this.name = job.file().toString();
            this.folderSite = ByteKey.of(LogEngine.siteFromFolder(job.file()));
            this.ranges = ranges;
            this.assumed = assumed;
            this.head = head;
            this.stopAt = stopAt;
            this.parts = new Accumulator[ranges.size()];
            this.prefixes = new Accumulator[ranges.size()];
            for (int k = 0; k < ranges.size(); k++) {
                tasks.add(new FutureTask<>(read(k, acc)));
            }
        }

        private Callable<ChunkScanner.Result> read(int k, Accumulator acc) {
            return new Callable<>() {
                @Override
                public ChunkScanner.Result call() throws IOException {
                    FieldLayout in = k == 0 ? job.layout() : assumed;
                    if (stopAt != ChunkScanner.NO_DEADLINE && !(first && k == 0) && System.currentTimeMillis() >= stopAt) {
                        // past the deadline: only the run's first range reads (at least a line), so it always progresses
                        return new ChunkScanner.Result(ranges.get(k)[0], in, 0, -1, true);
                    }
                    parts[k] = acc.emptyCopy(); // only acc's settings are read: safe while the merge writes acc
                    prefixes[k] = k == 0 ? null : acc.emptyCopy();
                    try (FileChannel ch = FileChannel.open(job.file(), StandardOpenOption.READ)) {
                        return new ChunkScanner().scan(ch, ranges.get(k)[0], ranges.get(k)[1],
                                in, parts[k], prefixes[k], name, folderSite, stopAt);
                    }
                }
            };
        }
    }

    /**
     * Reads every job's file from its start into acc, until {@link LogRequest#readDeadline()} if it has one.
     * @param bytes [0] gets the bytes read, [1] the bytes left unread because the deadline passed
     * @return each job's new cursor, in job order; null where the file disappeared (noted in notes) or was
     *         first met and not read before the deadline
     */
    static List<FileCursor> scan(List<Job> jobs, Accumulator acc, LogRequest req, long[] bytes, List<String> notes)
            throws LogEngineException {
        int threads = req.threads();
        long stopAt = req.readDeadline() == null ? ChunkScanner.NO_DEADLINE : req.readDeadline().toEpochMilli();
        List<Plan> plans = new ArrayList<>();
        List<FutureTask<ChunkScanner.Result>> all = new ArrayList<>();
        long toRead = 0;
        for (Job j : jobs) {
            Plan p = plan(j, acc, threads, notes, stopAt);
            plans.add(p);
            if (p != null) {
                p.first = toRead == 0 && p.ranges.get(0)[1] > p.ranges.get(0)[0];
                all.addAll(p.tasks);
                toRead += p.ranges.get(p.ranges.size() - 1)[1] - j.start();
            }
        }
        boolean parallel = threads > 1 && all.size() > 1 && toRead >= PARALLEL_THRESHOLD;
        ExecutorService pool = parallel ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "arr502-log-scan");
            t.setDaemon(true);
            return t;
        }) : null;
        // ranges run ahead of the merge by at most this many, so parts waiting to be merged stay few
        // (heap stays bounded on a folder of thousands of files); at least a file's ranges fit
        int ahead = parallel ? 2 * threads : 0;
        int submitted = 0;
        try {
            for (; submitted < Math.min(ahead, all.size()); submitted++) {
                pool.execute(all.get(submitted));
            }
            List<FileCursor> out = new ArrayList<>();
            int done = 0;
            for (int i = 0; i < plans.size(); i++) {
                Plan p = plans.get(i);
                if (p == null) {
                    out.add(null);
                    continue;
                }
                ChunkScanner.Result[] results = new ChunkScanner.Result[p.tasks.size()];
                boolean vanished = false;
                for (int k = 0; k < results.length; k++) {
                    FutureTask<ChunkScanner.Result> t = p.tasks.get(k);
                    if (!parallel) {
                        t.run(); // read now, just before its merge: only one part holds lines at a time
                    }
                    results[k] = get(t, p);
                    vanished |= results[k] == null;
                    all.set(done++, null);
                    if (parallel && submitted < all.size() && submitted < done + ahead) {
                        pool.execute(all.get(submitted++));
                    }
                }
                out.add(vanished ? null : merge(p, results, acc, bytes, notes));
                if (vanished) {
                    notes.add(p.job.file().getFileName() + " disappeared while being read");
                }
                plans.set(i, null); // merged or dropped: its counts and first bytes go before the next file's
            }
            return out;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** The file's ranges; null when it is gone already. */
    private static Plan plan(Job j, Accumulator acc, int threads, List<String> notes, long stopAt) throws LogEngineException {
        try (FileChannel ch = FileChannel.open(j.file(), StandardOpenOption.READ)) {
            List<long[]> ranges = split(ch, j.start(), ch.size(), threads);
            FieldLayout assumed = ranges.size() == 1 ? j.layout()
                    : j.layout() != null ? j.layout() : firstLayout(ch, ranges.get(0)[0]);
            return new Plan(j, ranges, assumed, acc, LogEngine.head(ch, LogEngine.FINGERPRINT_BYTES), stopAt);
        } catch (NoSuchFileException e) {
            notes.add(j.file().getFileName() + " disappeared while being read");
            return null;
        } catch (IOException e) {
            throw new LogEngineException("cannot read log file " + j.file() + ": " + LogFiles.oneLine(e));
        }
    }

    /** A range's result; null when the file vanished. */
    private static ChunkScanner.Result get(FutureTask<ChunkScanner.Result> t, Plan p) throws LogEngineException {
        try {
            return t.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogEngineException("interrupted while scanning " + p.name);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof NoSuchFileException) {
                return null;
            }
            if (c instanceof IOException) {
                throw new LogEngineException("cannot read log file " + p.job.file() + ": " + LogFiles.oneLine(c));
            }
            throw new LogEngineException("scan of " + p.name + " failed: " + LogFiles.oneLine(c));
        }
    }

    /**
     * Merges one file's ranges into acc, in order. A later range assumed the layout the file had where it
     * starts; when the range before ended under another layout, its lines before its own first directive
     * are read again with the right one. A range the deadline stopped ends the merge: the ranges after it
     * begin past a gap no cursor can describe, and the next run reads them again.
     */
    private static FileCursor merge(Plan p, ChunkScanner.Result[] results, Accumulator acc, long[] bytes, List<String> notes)
            throws LogEngineException {
        List<Accumulator> order = new ArrayList<>();
        List<Long> bases = new ArrayList<>();
        long lines = p.job.lines();
        ChunkScanner.Result prev = null;
        for (int k = 0; k < results.length; k++) {
            ChunkScanner.Result r = results[k];
            if (k > 0) {
                if (java.util.Objects.equals(prev.layoutAtEnd(), p.assumed)) {
                    order.add(p.prefixes[k]);
                } else {
                    long prefixEnd = r.firstDirective() >= 0 ? r.firstDirective() : r.consumedEnd();
                    Accumulator redo = acc.emptyCopy();
                    try (FileChannel ch = FileChannel.open(p.job.file(), StandardOpenOption.READ)) {
                        new ChunkScanner().scan(ch, p.ranges.get(k)[0], prefixEnd, prev.layoutAtEnd(), redo, null, p.name,
                                p.folderSite, ChunkScanner.NO_DEADLINE);
                    } catch (NoSuchFileException e) {
                        notes.add(p.job.file().getFileName() + " disappeared while being read");
                        return null;
                    } catch (IOException e) {
                        throw new LogEngineException("cannot read log file " + p.job.file() + ": " + LogFiles.oneLine(e));
                    }
                    order.add(redo);
                    if (r.firstDirective() < 0) {
                        r = new ChunkScanner.Result(r.consumedEnd(), prev.layoutAtEnd(), r.lines(), -1, r.stopped());
                    }
                }
                bases.add(lines);
            }
            order.add(p.parts[k]);
            bases.add(lines);
            lines += r.lines();
            prev = r;
            if (r.stopped()) {
                break;
            }
        }
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) != null) { // null: a range the deadline left unread
                shiftExamples(order.get(i), bases.get(i));
                acc.merge(order.get(i));
            }
        }
        acc.linesRead += lines - p.job.lines();
        String problem = LogFormat.problem(p.head);
        if (problem != null) {
            acc.formatProblem(p.name, problem);
        }
        // the layout in force where the read ends, read or not this run: what the window's lines were logged with
        FieldLayout atEnd = prev.layoutAtEnd() != null ? prev.layoutAtEnd() : p.job.layout();
        if (atEnd != null) {
            acc.noteLayout(atEnd);
        } else if (lines > 0 && problem == null) {
            acc.formatProblem(p.name, "no usable #Fields directive, so no request line can be read");
        }
        long consumed = prev.consumedEnd();
        bytes[0] += consumed - p.job.start();
        if (prev.stopped()) { // not a last line still being written: that is no backlog
            bytes[1] += p.ranges.get(p.ranges.size() - 1)[1] - consumed;
        }
        String path = p.job.file().toAbsolutePath().normalize().toString();
        if (consumed == p.job.start()) {
            // nothing read: the cursor stays (under this name, when it followed a rename); a file first met has
            // none and is read from its start next time
            FileCursor c = p.job.cursor();
            return c == null ? null : new FileCursor(path, c.fingerprint(), c.fingerprintLength(), c.offset(), c.lines(), c.layout(), c.tail());
        }
        int fpLen = (int) Math.min(p.head.length, consumed);
        FieldLayout at = prev.layoutAtEnd();
        long tail;
        try (FileChannel ch = FileChannel.open(p.job.file(), StandardOpenOption.READ)) {
            tail = LogEngine.tail(ch, consumed);
        } catch (NoSuchFileException e) {
            notes.add(p.job.file().getFileName() + " disappeared while being read");
            return null;
        } catch (IOException e) {
            throw new LogEngineException("cannot read log file " + p.job.file() + ": " + LogFiles.oneLine(e));
        }
        return new FileCursor(path, LogEngine.fingerprint(p.head, fpLen), fpLen,
                consumed, lines, at == null ? null : at.fieldNames(), tail);
    }

    private static void shiftExamples(Accumulator a, long base) {
        if (base == 0) {
            return;
        }
        a.examples.replaceAll(m -> new MalformedLine(m.file(), m.lineNumber() + base, m.reason()));
        a.salvagedExamples.replaceAll(m -> new MalformedLine(m.file(), m.lineNumber() + base, m.reason()));
    }

    /** Splits [start, end) into ranges that begin right after a newline: one per thread for a large file. */
    static List<long[]> split(FileChannel ch, long start, long end, int threads) throws IOException {
        List<long[]> out = new ArrayList<>();
        if (threads <= 1 || end - start < LogEngine.SPLIT_THRESHOLD) {
            out.add(new long[]{start, end});
            return out;
        }
        // one range per thread, not more: a thread that starts a second range of a file meets a new scanner's
        // first lines (empty caches, new accumulator) as branches the JIT has pruned, and recompiles the whole
        // scan (a cold 1 GiB run took 12 % longer with two ranges per thread)
        long step = (end - start) / threads;
        long from = start;
        ByteBuffer probe = ByteBuffer.allocate(64 * 1024);
        for (int i = 1; i < threads; i++) {
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
}
