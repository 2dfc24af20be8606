package io.arr502.core.diagnosis;

/**
 * The current window's 502.3 rate against a baseline. {@code regression} is true only when the
 * statistical test says so ({@code pValue} below the configured significance and at least the
 * minimum count of 502.3); {@code explanation} shows the numbers either way.
 */
public record Regression(
        boolean regression,
        String baselineSource,
        long baselineRequests,
        long baseline502_3,
        long currentRequests,
        long current502_3,
        double pValue,
        String explanation) {
}
