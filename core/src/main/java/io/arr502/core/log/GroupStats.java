package io.arr502.core.log;

/** Requests and 502.3 for one site or one server IP. */
public record GroupStats(String key, long requests, long count502_3, long count502_4, long count504) {
}
