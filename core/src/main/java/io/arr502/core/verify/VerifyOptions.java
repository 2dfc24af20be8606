package io.arr502.core.verify;

import io.arr502.core.diagnosis.Baseline;
import io.arr502.core.diagnosis.RegressionSettings;

import java.time.Duration;

/**
 * Post-change acceptance: every poll must pass for {@code recovery} in a row, before {@code deadline}.
 * Without a baseline the 502.3 rate must stay at or below {@code maxRatePercent}. A poll judges the
 * logs only when its window holds at least {@code minRequests} requests; a poll with fewer and no
 * probe is no evidence, and a verification with no evidence is UNKNOWN, never passed. Client aborts are not judged
 * unless {@code judgeClientAborts} ({@link io.arr502.core.diagnosis.JudgedRate}).
 */
public record VerifyOptions(Duration recovery, Duration deadline, Duration interval, Baseline baseline,
                            RegressionSettings regression, double maxRatePercent, long minRequests, boolean judgeClientAborts) {

    /** The check's default of 20 requests before a rate is judged. */
    public static final long DEFAULT_MIN_REQUESTS = 20;

    public VerifyOptions(Duration recovery, Duration deadline, Duration interval, Baseline baseline,
                         RegressionSettings regression, double maxRatePercent) {
        this(recovery, deadline, interval, baseline, regression, maxRatePercent, DEFAULT_MIN_REQUESTS);
    }

    /** Client aborts not judged. */
    public VerifyOptions(Duration recovery, Duration deadline, Duration interval, Baseline baseline,
                         RegressionSettings regression, double maxRatePercent, long minRequests) {
        this(recovery, deadline, interval, baseline, regression, maxRatePercent, minRequests, false);
    }

    /** Client aborts counted in the judged 502.3 rate (true) or left out (false). */
    public VerifyOptions withClientAbortsJudged(boolean judge) {
        return new VerifyOptions(recovery, deadline, interval, baseline, regression, maxRatePercent, minRequests, judge);
    }
}
