package io.arr502.core.gate;

import io.arr502.core.diagnosis.Regression;
import io.arr502.core.verdict.State;
import io.arr502.core.verdict.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a verdict into a build result the way warnings-ng's quality gates do. The plugin maps the
 * criticality to Jenkins results (UNSTABLE, FAILURE); the decision lives here so it is tested without
 * Jenkins. A verdict that could not judge (UNKNOWN) fails the gate: a post-deploy check that saw no
 * evidence must not pass silently.
 */
public final class QualityGate {
    private QualityGate() {
    }

    public static GateResult evaluate(Verdict v, List<GateThreshold> thresholds) {
        List<String> messages = new ArrayList<>();
        Criticality worst = null;
        if (v.state() == State.UNKNOWN) {
            return new GateResult(Criticality.FAILURE, List.of("arr502 could not judge: " + v.summary()));
        }
        Regression regression = v.diagnosis() == null ? null : v.diagnosis().regression();
        for (GateThreshold t : thresholds) {
            boolean breached;
            String what;
            switch (t.type()) {
                case RATE -> {
                    breached = v.metrics().rate502_3() >= t.threshold();
                    what = String.format(Locale.US, "502.3 rate %.2f %% (%d of %d)", v.metrics().rate502_3(), v.metrics().count502_3(),
                            v.metrics().requests());
                }
                case COUNT -> {
                    breached = v.metrics().count502_3() >= t.threshold();
                    what = v.metrics().count502_3() + " × 502.3";
                }
                default -> {
                    breached = regression != null && regression.regression();
                    what = regression == null ? "no baseline to compare with" : regression.explanation();
                }
            }
            if (breached) {
                String limit = t.type() == GateThreshold.Type.REGRESSION ? "regression against the baseline"
                        : String.format(Locale.US, "%s reaches %s", t.type().name().toLowerCase(Locale.ROOT), Perf.num(t.threshold()));
                messages.add(t.criticality() + ": " + what + " - " + limit);
                worst = worst == null || t.criticality().ordinal() > worst.ordinal() ? t.criticality() : worst;
            }
        }
        return new GateResult(worst, List.copyOf(messages));
    }

    /** Number formatting without trailing zeros. */
    static final class Perf {
        private Perf() {
        }

        static String num(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : String.valueOf(d);
        }
    }
}
