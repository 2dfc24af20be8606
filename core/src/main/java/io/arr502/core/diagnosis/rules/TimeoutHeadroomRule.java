package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Thresholds;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.diagnosis.RouteEnvelope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Early warning: a route's successful p99 leaves less than the headroom threshold of its effective
 * timeout, errors or not — the runbook's "alert before user impact widens".
 */
final class TimeoutHeadroomRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        List<RouteEnvelope> tight = Headroom.judged(in).stream().filter(e -> e.headroomPercent() < in.thresholds().headroomWarning()).toList();
        if (tight.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (RouteEnvelope e : tight.subList(0, Math.min(5, tight.size()))) {
            lines.add(String.format(Locale.US, "%s: successful p99 %,d ms = %.1f %% of its %s timeout (%s): headroom %.1f %% < %s %%; %,d successful requests",
                    e.route(), e.okP99Millis(), 100.0 * e.okP99Millis() / e.effectiveTimeout().toMillis(), TimeoutRule.fmt(e.effectiveTimeout()),
                    e.timeoutSource(), e.headroomPercent(), Thresholds.number(in.thresholds().headroomWarning()), in.route(e.route()).ok().count()));
        }
        RouteEnvelope worst = tight.get(0);
        boolean inferred = worst.timeoutSource().startsWith("inferred");
        return List.of(Candidate.observed(new Finding(Cause.TIMEOUT_HEADROOM, inferred ? 0.6 : 0.9, String.format(Locale.US,
                "%s: successful p99 %,d ms leaves %.1f %% of its %s timeout (%s)%s", worst.route(), worst.okP99Millis(),
                worst.headroomPercent(), TimeoutRule.fmt(worst.effectiveTimeout()), worst.timeoutSource(),
                tight.size() > 1 ? "; " + (tight.size() - 1) + " more route(s) under " + Thresholds.number(in.thresholds().headroomWarning()) + " %" : ""),
                lines)));
    }
}
