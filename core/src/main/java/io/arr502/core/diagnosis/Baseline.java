package io.arr502.core.diagnosis;

/** Request and 502.3 counts of a reference period: earlier windows, a stored file, or a previous Jenkins build. */
public record Baseline(long requests, long count502_3, String source) {
}
