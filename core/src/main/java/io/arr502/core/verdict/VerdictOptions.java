package io.arr502.core.verdict;

/**
 * How evidence becomes a state. Defaults: warn above 1 % 502.3, critical above 5 %, rates judged
 * from 20 requests on (below that one error is 5 % and proves nothing).
 */
public record VerdictOptions(Range warning, Range critical, MetricKind metric, long minRequests, String windowLabel,
                             boolean cumulativeCounts) {

    public static VerdictOptions defaults() {
        return new VerdictOptions(Range.parse("1"), Range.parse("5"), MetricKind.RATE, 20, "all", false);
    }

    public VerdictOptions withWindowLabel(String label) {
        return new VerdictOptions(warning, critical, metric, minRequests, label, cumulativeCounts);
    }
}
