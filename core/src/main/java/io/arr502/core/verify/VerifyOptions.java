package io.arr502.core.verify;

import io.arr502.core.diagnosis.Baseline;
import io.arr502.core.diagnosis.RegressionSettings;

import java.time.Duration;

/**
 * Post-change acceptance: every poll must pass for {@code recovery} in a row, before {@code deadline}.
 * Without a baseline the 502.3 rate must stay at or below {@code maxRatePercent}.
 */
public record VerifyOptions(Duration recovery, Duration deadline, Duration interval, Baseline baseline,
                            RegressionSettings regression, double maxRatePercent) {
}
