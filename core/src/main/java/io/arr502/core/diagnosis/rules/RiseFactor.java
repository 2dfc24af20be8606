package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Regression;

/** The current 502.3 rate as a factor of the baseline's (a clean baseline counts as half an error, as in the test). */
final class RiseFactor {
    private RiseFactor() {
    }

    static double of(Regression r) {
        if (r.baselineRequests() <= 0 || r.currentRequests() <= 0) {
            return 0;
        }
        double p0 = Math.max(r.baseline502_3(), 0.5) / r.baselineRequests();
        return ((double) r.current502_3() / r.currentRequests()) / p0;
    }
}
