package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Gauge;
import io.arr502.core.diagnosis.Regression;
import io.arr502.core.diagnosis.RouteEnvelope;
import io.arr502.core.diagnosis.Thresholds;

import java.util.ArrayList;
import java.util.List;

/**
 * The early warnings as numbers with their own thresholds: {@code headroom} (the tightest judged route's
 * headroom, percent of its timeout; alerts below) and {@code rate_vs_baseline} (the 502.3 rate as a
 * factor of the baseline's; alerts above, and only when the binomial test calls the rise significant).
 */
public final class Gauges {
    private Gauges() {
    }

    public static List<Gauge> of(DiagnosisInput in) {
        List<Gauge> out = new ArrayList<>();
        Thresholds t = in.thresholds();
        List<RouteEnvelope> judged = Headroom.judged(in);
        if (!judged.isEmpty()) {
            double h = judged.get(0).headroomPercent();
            int level = t.headroomCritical() != null && h < t.headroomCritical() ? 2 : h < t.headroomWarning() ? 1 : 0;
            out.add(new Gauge("headroom", h, "%", Thresholds.number(t.headroomWarning()) + ":",
                    t.headroomCritical() == null ? null : Thresholds.number(t.headroomCritical()) + ":", level, null, 100.0));
        }
        Regression r = in.regression();
        if (r != null && r.baselineRequests() > 0) {
            double f = Math.round(RiseFactor.of(r) * 100) / 100.0;
            int level = !r.regression() ? 0 : t.riseCritical() != null && f >= t.riseCritical() ? 2 : 1;
            out.add(new Gauge("rate_vs_baseline", f, null, Thresholds.number(in.options().regression().minFactor()),
                    t.riseCritical() == null ? null : Thresholds.number(t.riseCritical()), level, 0.0, null));
        }
        return out;
    }
}
