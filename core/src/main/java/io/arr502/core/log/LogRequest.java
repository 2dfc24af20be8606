package io.arr502.core.log;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to analyse and how.
 *
 * @param inputs               log files and/or folders; folders are scanned recursively for
 *                             {@code u_ex*.log} (daily, hourly, weekly, monthly, {@code u_extendN.log})
 * @param window               which requests count ({@link LogWindow#ALL} by default)
 * @param now                  the run's clock, used as the window end unless {@code anchorLatest}
 * @param anchorLatest         window ends at the newest request seen (forensics on old logs)
 * @param stateFile            incremental state file, or null to read everything every time
 * @param maxMalformedExamples how many malformed lines to keep as examples (default 10)
 * @param threads              worker threads for large inputs (default: min(2, cores))
 */
public record LogRequest(List<Path> inputs, LogWindow window, Instant now, boolean anchorLatest,
                         Path stateFile, int maxMalformedExamples, int threads) {

    public LogRequest {
        inputs = List.copyOf(inputs);
        window = window == null ? LogWindow.ALL : window;
        now = now == null ? Instant.now() : now;
        maxMalformedExamples = Math.max(0, maxMalformedExamples);
        threads = Math.max(1, threads);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Everything in these inputs, no state. */
    public static LogRequest of(Path... inputs) {
        Builder b = builder();
        for (Path p : inputs) {
            b.input(p);
        }
        return b.build();
    }

    public static final class Builder {
        private final List<Path> inputs = new ArrayList<>();
        private LogWindow window = LogWindow.ALL;
        private Instant now;
        private boolean anchorLatest;
        private Path stateFile;
        private int maxMalformedExamples = 10;
        private int threads = Math.min(2, Runtime.getRuntime().availableProcessors());

        public Builder input(Path p) { inputs.add(Objects.requireNonNull(p)); return this; }
        public Builder inputs(List<Path> ps) { ps.forEach(this::input); return this; }
        public Builder window(LogWindow w) { window = w; return this; }
        public Builder now(Instant t) { now = t; return this; }
        public Builder anchorLatest(boolean b) { anchorLatest = b; return this; }
        public Builder stateFile(Path p) { stateFile = p; return this; }
        public Builder maxMalformedExamples(int n) { maxMalformedExamples = n; return this; }
        public Builder threads(int n) { threads = n; return this; }

        public LogRequest build() {
            return new LogRequest(inputs, window, now, anchorLatest, stateFile, maxMalformedExamples, threads);
        }
    }
}
