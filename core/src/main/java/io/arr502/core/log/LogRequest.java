package io.arr502.core.log;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What to analyse.
 *
 * @param inputs            files and/or folders (folders: u_ex*.log / u_extend*.log below them, any W3SVC site)
 * @param window            which requests count
 * @param now               the clock for {@link Window.Kind#LAST}
 * @param stateFile         incremental cursor file, null for a one-off full read
 * @param maxMalformedExamples how many malformed lines to keep as examples
 * @param threads           worker threads for large files (1 = sequential)
 * @param readDeadline      no log data is read after this instant (null: read everything). With a state file
 *                          the run saves how far it got and the next one continues: a check with a deadline
 *                          catches up with a large backlog over several runs instead of never finishing one
 * @param routes            the routes counted (null: all)
 */
public record LogRequest(List<Path> inputs, Window window, Instant now, Path stateFile, int maxMalformedExamples,
                         int threads, Instant readDeadline, RouteFilter routes) {

    public LogRequest {
        inputs = List.copyOf(inputs);
        if (window == null) {
            window = Window.all();
        }
        if (now == null) {
            now = Instant.now();
        }
        if (maxMalformedExamples < 0) {
            maxMalformedExamples = 0;
        }
        if (threads < 1) {
            threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        }
    }

    /** Every route. */
    public LogRequest(List<Path> inputs, Window window, Instant now, Path stateFile, int maxMalformedExamples, int threads,
                      Instant readDeadline) {
        this(inputs, window, now, stateFile, maxMalformedExamples, threads, readDeadline, null);
    }

    /** Without a read deadline. */
    public LogRequest(List<Path> inputs, Window window, Instant now, Path stateFile, int maxMalformedExamples, int threads) {
        this(inputs, window, now, stateFile, maxMalformedExamples, threads, null, null);
    }

    public static LogRequest of(List<Path> inputs, Window window) {
        return new LogRequest(inputs, window, null, null, 10, 0, null, null);
    }

    public LogRequest withState(Path state) {
        return new LogRequest(inputs, window, now, state, maxMalformedExamples, threads, readDeadline, routes);
    }

    public LogRequest withNow(Instant at) {
        return new LogRequest(inputs, window, at, stateFile, maxMalformedExamples, threads, readDeadline, routes);
    }

    public LogRequest withThreads(int n) {
        return new LogRequest(inputs, window, now, stateFile, maxMalformedExamples, n, readDeadline, routes);
    }

    public LogRequest withReadDeadline(Instant at) {
        return new LogRequest(inputs, window, now, stateFile, maxMalformedExamples, threads, at, routes);
    }

    public LogRequest withRoutes(RouteFilter r) {
        return new LogRequest(inputs, window, now, stateFile, maxMalformedExamples, threads, readDeadline, r);
    }
}
