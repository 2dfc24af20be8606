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
 * left out whole.
 */
final class FileScanner {
    /** Below this many new bytes in all, ranges run in the calling thread: a scheduled check reads kilobytes. */
    static final long PARALLEL_THRESHOLD = 8L << 20;

    /** A file to read from {@code start}, with what its cursor knew: the lines before start and the layout there. */
    record Job(Path file, long start, long lines, FieldLayout layout) {
    }

    private FileScanner() {
    }

    /** One range read: its result, and for a file's last range the fingerprint of the file's first bytes. */
    private static final class Done {
        ChunkScanner.Result result;
        long fingerprint;
        int fingerprintLength;
    }

    /** One file's ranges and what they are read into. */
    private static final class Plan {
        final Job job;
        final String name;
        final ByteKey folderSite;
        final List<long[]> ranges;
        /** The layout ranges after the first assume: the one the first range ends with, checked when merging. */
        final FieldLayout assumed;
        final Accumulator[] parts;
        final Accumulator[] prefixes;
        final List<FutureTask<Done>> tasks = new ArrayList<>();

        Plan(Job job, List<long[]> ranges, FieldLayout assumed, Accumulator acc) {
            this.job = job;
            this.name = job.file().toString();
            this.folderSite = ByteKey.of(LogEngine.siteFromFolder(job.file()));
            this.ranges = ranges;
            this.assumed = assumed;
            this.parts = new Accumulator[ranges.size()];
            this.prefixes = new Accumulator[ranges.size()];
            for (int k = 0; k < ranges.size(); k++) {
                parts[k] = acc.emptyCopy();
                prefixes[k] = k == 0 ? null : acc.emptyCopy(); // lines before a later range's first directive
                tasks.add(new FutureTask<>(read(k)));
            }
        }

        private Callable<Done> read(int k) {
            return new Callable<>() {
                @Override
                public Done call() throws IOException {
                    try (FileChannel ch = FileChannel.open(job.file(), StandardOpenOption.READ)) {
                        Done d = new Done();
                        d.result = new ChunkScanner().scan(ch, ranges.get(k)[0], ranges.get(k)[1],
                                k == 0 ? job.layout() : assumed, parts[k], prefixes[k], name, folderSite);
                        if (k == ranges.size() - 1) {
                            d.fingerprintLength = (int) Math.min(LogEngine.FINGERPRINT_BYTES, d.result.consumedEnd());
                            d.fingerprint = LogEngine.fingerprint(ch, d.fingerprintLength);
                        }
                        return d;
                    }
                }
            };
        }
    }

    /**
     * Reads every job's file from its start into acc.
     * @return each job's new cursor, in job order; null where the file disappeared (noted in notes)
     */
    static List<FileCursor> scan(List<Job> jobs, Accumulator acc, int threads, long[] bytes, List<String> notes)
            throws LogEngineException {
        List<Plan> plans = new ArrayList<>();
        List<FutureTask<Done>> all = new ArrayList<>();
        long toRead = 0;
        for (Job j : jobs) {
            Plan p = plan(j, acc, threads, notes);
            plans.add(p);
            if (p != null) {
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
            for (Plan p : plans) {
                if (p == null) {
                    out.add(null);
                    continue;
                }
                Done[] results = new Done[p.tasks.size()];
                for (int k = 0; k < results.length; k++) {
                    FutureTask<Done> t = p.tasks.get(k);
                    if (!parallel) {
                        t.run(); // read now, just before its merge: only one part holds lines at a time
                    }
                    results[k] = get(t, p);
                    done++;
                    if (parallel && submitted < all.size() && submitted < done + ahead) {
                        pool.execute(all.get(submitted++));
                    }
                }
                out.add(merge(p, results, acc, bytes, notes));
                java.util.Arrays.fill(p.parts, null); // merged or dropped: let them go before the next file's
                java.util.Arrays.fill(p.prefixes, null);
            }
            return out;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** The file's ranges; null when it is gone already. */
    private static Plan plan(Job j, Accumulator acc, int threads, List<String> notes) throws LogEngineException {
        try (FileChannel ch = FileChannel.open(j.file(), StandardOpenOption.READ)) {
            List<long[]> ranges = split(ch, j.start(), ch.size(), threads);
            FieldLayout assumed = ranges.size() == 1 ? j.layout()
                    : j.layout() != null ? j.layout() : firstLayout(ch, ranges.get(0)[0]);
            return new Plan(j, ranges, assumed, acc);
        } catch (NoSuchFileException e) {
            notes.add(j.file().getFileName() + " disappeared while being read");
            return null;
        } catch (IOException e) {
            throw new LogEngineException("cannot read log file " + j.file() + ": " + LogFiles.oneLine(e));
        }
    }

    /** A range's result; null when the file vanished (every range of it then answers null). */
    private static Done get(FutureTask<Done> t, Plan p) throws LogEngineException {
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
     * are read again with the right one.
     */
    private static FileCursor merge(Plan p, Done[] results, Accumulator acc, long[] bytes, List<String> notes)
            throws LogEngineException {
        for (Done d : results) {
            if (d == null) {
                notes.add(p.job.file().getFileName() + " disappeared while being read");
                return null;
            }
        }
        List<Accumulator> order = new ArrayList<>();
        List<Long> bases = new ArrayList<>();
        long lines = p.job.lines();
        ChunkScanner.Result prev = null;
        for (int k = 0; k < results.length; k++) {
            ChunkScanner.Result r = results[k].result;
            if (k > 0) {
                if (java.util.Objects.equals(prev.layoutAtEnd(), p.assumed)) {
                    order.add(p.prefixes[k]);
                } else {
                    long prefixEnd = r.firstDirective() >= 0 ? r.firstDirective() : r.consumedEnd();
                    Accumulator redo = acc.emptyCopy();
                    try (FileChannel ch = FileChannel.open(p.job.file(), StandardOpenOption.READ)) {
                        new ChunkScanner().scan(ch, p.ranges.get(k)[0], prefixEnd, prev.layoutAtEnd(), redo, null, p.name, p.folderSite);
                    } catch (NoSuchFileException e) {
                        notes.add(p.job.file().getFileName() + " disappeared while being read");
                        return null;
                    } catch (IOException e) {
                        throw new LogEngineException("cannot read log file " + p.job.file() + ": " + LogFiles.oneLine(e));
                    }
                    order.add(redo);
                    if (r.firstDirective() < 0) {
                        r = new ChunkScanner.Result(r.consumedEnd(), prev.layoutAtEnd(), r.lines(), -1);
                    }
                }
                bases.add(lines);
            }
            order.add(p.parts[k]);
            bases.add(lines);
            lines += r.lines();
            prev = r;
        }
        for (int i = 0; i < order.size(); i++) {
            shiftExamples(order.get(i), bases.get(i));
            acc.merge(order.get(i));
        }
        Done last = results[results.length - 1];
        long consumed = prev.consumedEnd();
        bytes[0] += consumed - p.job.start();
        FieldLayout at = prev.layoutAtEnd();
        return new FileCursor(p.job.file().toAbsolutePath().normalize().toString(), last.fingerprint, last.fingerprintLength,
                consumed, lines, at == null ? null : at.fieldNames());
    }

    private static void shiftExamples(Accumulator a, long base) {
        if (base == 0 || a.examples.isEmpty()) {
            return;
        }
        a.examples.replaceAll(m -> new MalformedLine(m.file(), m.lineNumber() + base, m.reason()));
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
