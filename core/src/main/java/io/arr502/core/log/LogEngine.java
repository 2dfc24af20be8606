package io.arr502.core.log;

import java.io.IOException;
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
                Tally probe = scanAll(files, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, 0, null);
                if (probe.lastMs != Long.MIN_VALUE) {
                    end = Instant.ofEpochMilli(probe.lastMs);
                }
            }
            bounds = request.window().bounds(end);
        }
        long[] bytes = new long[1];
        Tally t = scanAll(files, bounds, request.maxMalformedExamples(), bytes);
        return t.summary(files.size(), bytes[0], notes);
    }

    private static Tally scanAll(List<Path> files, long[] bounds, int maxExamples, long[] bytesOut) throws LogEngineException {
        Tally t = new Tally();
        for (Path f : files) {
            LineScanner s = new LineScanner(t, bounds[0], bounds[1], maxExamples);
            try {
                s.scan(f, 0, null, 0);
            } catch (IOException e) {
                throw new LogEngineException("cannot read log file " + f + ": " + LogFiles.oneLine(e), e);
            }
            if (bytesOut != null) {
                bytesOut[0] += s.bytesRead;
            }
        }
        return t;
    }
}
