package io.arr502.core.log;

/** Percentiles of time-taken in milliseconds over {@code count} requests; all zero when count is 0. */
public record Latency(long count, long p50, long p90, long p99, long max) {
    public static final Latency EMPTY = new Latency(0, 0, 0, 0, 0);
}
