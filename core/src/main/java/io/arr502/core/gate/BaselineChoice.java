package io.arr502.core.gate;

import io.arr502.core.diagnosis.Baseline;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The baseline for a new build: the newest earlier build that succeeded and saw traffic. */
public final class BaselineChoice {
    private BaselineChoice() {
    }

    public static Optional<Baseline> choose(List<BuildMetrics> previous, int currentBuild) {
        return chooseBuild(previous, currentBuild).map(b -> new Baseline(b.requests(), b.count502_3(), "build #" + b.build()));
    }

    /** The baseline build itself (its p99 is the LATENCY gate's reference). Null entries are skipped. */
    public static Optional<BuildMetrics> chooseBuild(List<BuildMetrics> previous, int currentBuild) {
        return previous.stream()
                .filter(b -> b != null && b.build() < currentBuild && "SUCCESS".equals(b.result()) && b.requests() > 0)
                .max(Comparator.comparingInt(BuildMetrics::build));
    }
}
