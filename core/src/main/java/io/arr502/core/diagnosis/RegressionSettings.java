package io.arr502.core.diagnosis;

/**
 * When a rise in the 502.3 rate counts as a regression: the one-sided binomial test must give
 * p below {@code significance}, the current window must hold at least {@code minCount} 502.3, and the
 * rate must be at least {@code minFactor} times the baseline's (so a statistically certain but tiny
 * rise on huge traffic does not page).
 */
public record RegressionSettings(double significance, long minCount, double minFactor) {

    public static RegressionSettings defaults() {
        return new RegressionSettings(0.01, 5, 1.5);
    }
}
