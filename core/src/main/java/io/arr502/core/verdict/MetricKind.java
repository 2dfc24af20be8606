package io.arr502.core.verdict;

/** The main metric the warning/critical ranges judge. */
public enum MetricKind {
    /** 502.3 share of requests, percent */
    RATE,
    /** absolute 502.3 count */
    COUNT
}
