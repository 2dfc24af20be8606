package io.arr502.core.verdict;

/**
 * A route line of the JSON metrics: latency of all requests in milliseconds; {@code count502_3} is the route's judged
 * count (its client aborts left out unless they are judged), {@code clientAborts} the aborts either way.
 */
public record RouteMetric(String route, long requests, long count502_3, long p50, long p99, long max, long clientAborts) {
}
