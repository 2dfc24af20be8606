package io.arr502.core.verdict;

/** A route line of the JSON metrics: latency of all requests in milliseconds. */
public record RouteMetric(String route, long requests, long count502_3, long p50, long p99, long max) {
}
