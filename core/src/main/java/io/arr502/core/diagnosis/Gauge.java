package io.arr502.core.diagnosis;

/**
 * A number the verdict graphs and judges, with the thresholds it was judged by (Nagios range text,
 * null when none) and the resulting level: 0 ok, 1 warning, 2 critical. E.g. the worst route's
 * timeout headroom, or the 502.3 rate as a factor of the baseline's.
 */
public record Gauge(String label, double value, String uom, String warning, String critical, int level, Double min, Double max) {
}
