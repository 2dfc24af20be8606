package io.arr502.core.log;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The IIS W3C log engine: reads {@code u_ex*.log} files as bytes and summarises the requests in
 * the requested window ({@link LogSummary}).
 *
 * <p>Never throws for bad lines: they are counted in {@link LogSummary#malformedLines()} with
 * examples. Throws {@link LogEngineException} (one-line message) only when an input does not
 * exist or cannot be read at all. Thread-safe: an instance holds no state between calls.
 */
public final class LogEngine {

    public LogSummary analyze(LogRequest request) throws LogEngineException {
        List<Path> files = LogFiles.discover(request.inputs());
        if (request.stateFile() != null) {
            return IncrementalRun.run(request, files);
        }
        List<String> notes = new ArrayList<>();
        long[] bounds;
        if (request.window().isAll()) {
            bounds = new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        } else {
            Instant end = request.now();
            if (request.anchorLatest()) {
                Tally probe = scanAll(files, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, 0, null, request.threads());
                if (probe.lastMs != Long.MIN_VALUE) {
                    end = Instant.ofEpochMilli(probe.lastMs);
                }
            }
            bounds = request.window().bounds(end);
        }
        long[] bytes = new long[1];
        Tally t = scanAll(files, bounds, request.maxMalformedExamples(), bytes, request.threads());
        return t.summary(files.size(), bytes[0], notes);
    }

    private static Tally scanAll(List<Path> files, long[] bounds, int maxExamples, long[] bytesOut, int threads)
            throws LogEngineException {
        Tally t = new Tally();
        ExecutorService pool = null;
        try {
            for (Path f : files) {
                long read;
                long size = Files.size(f);
                if (threads > 1 && size >= ParallelScan.MIN_SIZE) {
                    if (pool == null) {
                        pool = Executors.newFixedThreadPool(threads, r -> {
                            Thread th = new Thread(r, "arr502-log-scan");
                            th.setDaemon(true);
                            return th;
                        });
                    }
                    read = ParallelScan.scan(f, size, threads, t, bounds, maxExamples, pool);
                } else {
                    LineScanner s = new LineScanner(t, bounds[0], bounds[1], maxExamples);
                    s.scan(f, 0, null, 0);
                    read = s.bytesRead;
                }
                if (bytesOut != null) {
                    bytesOut[0] += read;
                }
            }
        } catch (IOException e) {
            throw new LogEngineException("cannot read log file: " + LogFiles.oneLine(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogEngineException("log scan interrupted", e);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return t;
    }
}
