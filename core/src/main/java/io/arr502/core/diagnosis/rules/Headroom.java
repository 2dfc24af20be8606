package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.RouteEnvelope;
import io.arr502.core.log.RouteStats;

import java.util.Comparator;
import java.util.List;

/** The routes whose headroom can be judged: a known timeout and enough successful requests for a p99; tightest first. */
final class Headroom {
    private Headroom() {
    }

    static List<RouteEnvelope> judged(DiagnosisInput in) {
        return in.envelopes().stream().filter(e -> e.effectiveTimeout() != null && !e.effectiveTimeout().isZero())
                .filter(e -> {
                    RouteStats r = in.route(e.route());
                    return r != null && r.ok().count() >= in.thresholds().minOkRequests();
                })
                .sorted(Comparator.comparingDouble(RouteEnvelope::headroomPercent)).toList();
    }
}
