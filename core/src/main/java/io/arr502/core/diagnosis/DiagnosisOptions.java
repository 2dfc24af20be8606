package io.arr502.core.diagnosis;

/**
 * How diagnosis judges: timeout classes for recommendations, regression settings, an optional baseline, the rules' thresholds,
 * and whether client aborts count in the 502.3 rate compared with the baseline (see {@link JudgedRate}; default: not).
 */
public record DiagnosisOptions(TimeoutClasses timeoutClasses, RegressionSettings regression, Baseline baseline, Thresholds thresholds,
                               boolean judgeClientAborts) {

    public DiagnosisOptions {
        thresholds = thresholds == null ? Thresholds.defaults() : thresholds;
    }

    /** Client aborts not judged. */
    public DiagnosisOptions(TimeoutClasses timeoutClasses, RegressionSettings regression, Baseline baseline, Thresholds thresholds) {
        this(timeoutClasses, regression, baseline, thresholds, false);
    }

    /** With the default thresholds. */
    public DiagnosisOptions(TimeoutClasses timeoutClasses, RegressionSettings regression, Baseline baseline) {
        this(timeoutClasses, regression, baseline, Thresholds.defaults());
    }

    public static DiagnosisOptions defaults() {
        return new DiagnosisOptions(TimeoutClasses.defaults(), RegressionSettings.defaults(), null);
    }

    public DiagnosisOptions withBaseline(Baseline b) {
        return new DiagnosisOptions(timeoutClasses, regression, b, thresholds, judgeClientAborts);
    }

    public DiagnosisOptions withThresholds(Thresholds t) {
        return new DiagnosisOptions(timeoutClasses, regression, baseline, t, judgeClientAborts);
    }

    /** Client aborts counted in the judged 502.3 rate (true) or left out and said (false). */
    public DiagnosisOptions withClientAbortsJudged(boolean judge) {
        return new DiagnosisOptions(timeoutClasses, regression, baseline, thresholds, judge);
    }

    /** The 502.3 rate diagnosis compares with the baseline. */
    public JudgedRate judged(io.arr502.core.evidence.Evidence ev) {
        return JudgedRate.of(ev, judgeClientAborts);
    }
}
