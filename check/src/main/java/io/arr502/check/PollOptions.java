package io.arr502.check;

import io.arr502.core.log.Window;
import picocli.CommandLine.Option;

import java.time.Duration;

/** How post-change verification polls: every poll must pass for the recovery window, before the deadline. */
final class PollOptions {
    @Option(names = "--recovery", paramLabel = "DURATION", defaultValue = "5m", description = "Every poll must pass for this long (default: ${DEFAULT-VALUE}).")
    String recovery;

    @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "15m", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    String deadline;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s", description = "Time between polls (default: ${DEFAULT-VALUE}).")
    String interval;

    Duration recovery() {
        return Window.parseDuration(recovery);
    }

    Duration deadline() {
        return Window.parseDuration(deadline);
    }

    Duration interval() {
        return Window.parseDuration(interval);
    }
}
