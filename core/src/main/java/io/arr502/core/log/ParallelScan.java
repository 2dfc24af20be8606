package io.arr502.core.log;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One large file on several threads: chunks split at line boundaries. A chunk does not know the
 * #Fields in force at its start until the chunks before it are done, so it guesses the file's
 * first #Fields and counts the lines before its own first #Fields separately; when the guess
 * proves wrong those lines (only those) are scanned again with the right layout.
 */
final class ParallelScan {
    static final long MIN_SIZE = 32L << 20;

    private ParallelScan() {
    }

    static long scan(Path file, long size, int threads, Tally into, long[] bounds, int maxExamples, ExecutorService pool)
            throws IOException, InterruptedException {
        long[] splits = new long[threads + 1];
        FieldLayout guess;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            for (int k = 1; k < threads; k++) {
                splits[k] = nextLineStart(raf, Math.max(splits[k - 1], size * k / threads), size);
            }
            splits[threads] = size;
            guess = firstFields(raf);
        }
        List<LineScanner> scanners = new ArrayList<>();
        List<Tally> tallies = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            Tally t = new Tally();
            LineScanner s = new LineScanner(t, bounds[0], bounds[1], maxExamples);
            s.limit = splits[k + 1];
            if (k > 0) {
                s.speculative = new Tally();
            }
            long from = splits[k];
            FieldLayout start = k == 0 ? null : guess;
            scanners.add(s);
            tallies.add(t);
            futures.add(pool.submit(() -> {
                s.scan(file, from, start, 0);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException(e.getCause());
            }
        }
        long bytes = 0;
        long lineBase = 0;
        FieldLayout startLayout = null;
        for (int k = 0; k < threads; k++) {
            LineScanner s = scanners.get(k);
            Tally t = tallies.get(k);
            if (k > 0) {
                String right = startLayout == null ? null : startLayout.text;
                String guessed = guess == null ? null : guess.text;
                if (java.util.Objects.equals(right, guessed)) {
                    t.merge(s.speculative, maxExamples);
                } else {
                    long end = s.firstFieldsOffset >= 0 ? s.firstFieldsOffset : splits[k + 1];
                    LineScanner again = new LineScanner(t, bounds[0], bounds[1], maxExamples);
                    again.limit = end;
                    again.scan(file, splits[k], startLayout, 0);
                    bytes += again.bytesRead;
                }
            }
            // chunk-relative line numbers → file line numbers
            for (int i = 0; i < t.examples.size(); i++) {
                MalformedLine m = t.examples.get(i);
                t.examples.set(i, new MalformedLine(m.file(), m.lineNumber() + lineBase, m.reason()));
            }
            into.merge(t, maxExamples);
            bytes += s.bytesRead;
            lineBase += s.lineNo();
            startLayout = s.sawFields || k == 0 ? s.layout() : startLayout;
        }
        return bytes;
    }

    private static long nextLineStart(RandomAccessFile raf, long pos, long size) throws IOException {
        if (pos <= 0) {
            return 0;
        }
        raf.seek(pos - 1);
        byte[] b = new byte[64 * 1024];
        long p = pos - 1;
        while (p < size) {
            int n = raf.read(b);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (b[i] == '\n') {
                    return p + i + 1;
                }
            }
            p += n;
        }
        return size;
    }

    /** The first #Fields in the file's first 64 KiB (the header IIS writes on creation), or null. */
    private static FieldLayout firstFields(RandomAccessFile raf) throws IOException {
        raf.seek(0);
        byte[] b = new byte[64 * 1024];
        int n = raf.read(b);
        if (n <= 0) {
            return null;
        }
        String head = new String(b, 0, n, StandardCharsets.UTF_8);
        for (String line : head.split("\n")) {
            String l = line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (l.startsWith("#Fields:") && head.indexOf('\n', head.indexOf(line)) >= 0) {
                return FieldLayout.parse(l.substring(8).replace("\r", ""));
            }
        }
        return null;
    }
}
