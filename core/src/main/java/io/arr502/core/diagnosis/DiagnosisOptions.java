package io.arr502.core.diagnosis;

/** How diagnosis judges: timeout classes for recommendations, regression settings, an optional baseline. */
public record DiagnosisOptions(TimeoutClasses timeoutClasses, RegressionSettings regression, Baseline baseline) {

    public static DiagnosisOptions defaults() {
        return new DiagnosisOptions(TimeoutClasses.defaults(), RegressionSettings.defaults(), null);
    }

    public DiagnosisOptions withBaseline(Baseline b) {
        return new DiagnosisOptions(timeoutClasses, regression, b);
    }
}
