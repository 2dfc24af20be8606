package io.arr502.core.diagnosis;

/** How diagnosis judges: timeout classes for recommendations, regression settings, an optional baseline, the rules' thresholds. */
public record DiagnosisOptions(TimeoutClasses timeoutClasses, RegressionSettings regression, Baseline baseline, Thresholds thresholds) {

    public DiagnosisOptions {
        thresholds = thresholds == null ? Thresholds.defaults() : thresholds;
    }

    /** With the default thresholds. */
    public DiagnosisOptions(TimeoutClasses timeoutClasses, RegressionSettings regression, Baseline baseline) {
        this(timeoutClasses, regression, baseline, Thresholds.defaults());
    }

    public static DiagnosisOptions defaults() {
        return new DiagnosisOptions(TimeoutClasses.defaults(), RegressionSettings.defaults(), null);
    }

    public DiagnosisOptions withBaseline(Baseline b) {
        return new DiagnosisOptions(timeoutClasses, regression, b, thresholds);
    }

    public DiagnosisOptions withThresholds(Thresholds t) {
        return new DiagnosisOptions(timeoutClasses, regression, baseline, t);
    }
}
