package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.diagnosis.RouteEnvelope;
import io.arr502.core.log.RouteStats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/**
 * A fast route that hangs some requests: its successful requests finish far below the timeout while
 * others end in 12002 at the timeout. A longer timeout would only make those requests hang longer.
 */
final class StalledRouteRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        if (in.logs() == null) {
            return List.of();
        }
        // routes FREB shows as ANCM's or as ARR not yet connected belong to AncmRule / ConnectTimeoutRule
        java.util.Set<String> elsewhere = RouteCounts.notArrResponseTimeouts(in.evidence().freb());
        List<RouteStats> hanging = in.logs().routes().stream().filter(r -> !elsewhere.contains(r.route()) && in.hangs(r))
                .sorted(Comparator.comparingLong((RouteStats r) -> r.win32Count(12002)).reversed()).toList();
        if (hanging.isEmpty()) {
            return List.of();
        }
        long stalls = hanging.stream().mapToLong(r -> r.win32Count(12002)).sum();
        List<String> lines = new ArrayList<>();
        for (RouteStats r : hanging.subList(0, Math.min(3, hanging.size()))) {
            RouteEnvelope env = in.envelope(r.route());
            long n = r.win32Count(12002);
            lines.add(String.format(Locale.US,
                    "%s: %d of %d requests (%.1f %%) end in 12002 at %,d ms, the %s timeout (%s), while its %d successful requests take p99 %,d ms (%.1f %% of the timeout)",
                    r.route(), n, r.requests(), 100.0 * n / r.requests(), r.p50TimeTaken502_3(), TimeoutRule.fmt(env.effectiveTimeout()),
                    env.timeoutSource(), r.ok().count(), r.ok().p99(), 100.0 * r.ok().p99() / env.effectiveTimeout().toMillis()));
        }
        lines.add("a longer timeout cannot help requests that normally finish this fast: the backend hangs some of them "
                + "(look for locks, pool starvation or a stuck dependency in the backend for these requests)");
        RouteStats first = hanging.get(0);
        String who = first.route() + (hanging.size() > 1 ? " and " + (hanging.size() - 1) + " more" : "");
        return List.of(Candidate.counted(new Finding(Cause.BACKEND_STALL, clamp(0.9 * stalls / in.failures()), String.format(Locale.US,
                "%s hang%s some requests: %d × 12002 at the timeout while successful requests take p99 %,d ms",
                who, hanging.size() > 1 ? "" : "s", stalls, first.ok().p99()), lines), stalls));
    }
}
