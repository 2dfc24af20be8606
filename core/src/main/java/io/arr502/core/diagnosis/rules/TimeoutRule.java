package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.diagnosis.RouteEnvelope;
import io.arr502.core.diagnosis.Stalls;
import io.arr502.core.freb.FrebTrace;
import io.arr502.core.log.LogSummary;
import io.arr502.core.log.RouteStats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/**
 * 502.3 × 12002 (WinHTTP timeout): concentrated on a few routes it is a timeout too low for them;
 * spread over most routes it is a backend that is slow for everything. Routes that answer fast and
 * hang some requests are {@link StalledRouteRule}'s, not this rule's.
 */
final class TimeoutRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        LogSummary logs = in.logs();
        // routes FREB shows as ANCM's or as ARR not yet connected belong to AncmRule / ConnectTimeoutRule
        java.util.Set<String> elsewhere = RouteCounts.notArrResponseTimeouts(in.evidence().freb());
        if (logs == null || in.win32(12002) == 0) {
            return List.of();
        }
        List<RouteStats> timing = logs.routes().stream().filter(r -> r.win32Count(12002) > 0
                        && !elsewhere.contains(r.route()) && !in.hangs(r))
                .sorted(Comparator.comparingLong((RouteStats r) -> r.win32Count(12002)).reversed()).toList();
        long timeouts = timing.stream().mapToLong(r -> r.win32Count(12002)).sum();
        if (timeouts == 0) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.US, "%d of %d 502.3 are 12002 (ERROR_WINHTTP_TIMEOUT)", timeouts, logs.count502_3()));
        long routesWithTraffic = logs.routes().stream().filter(r -> r.requests() > 0).count();
        boolean atTimeout = false;
        int shown = 0;
        for (RouteStats r : timing) {
            RouteEnvelope env = in.envelope(r.route());
            long n = r.win32Count(12002);
            if (r.maxTimeTaken502_3() == 0) {
                // counted without a time-taken (not logged or out of range): no median to compare, never "0 ms = NaN %"
                if (shown++ < 3) {
                    lines.add(String.format(Locale.US, "%s: %d × 12002, no time-taken logged for them; successful requests p99 %,d ms",
                            r.route(), n, r.ok().p99()));
                }
            } else if (env != null && env.effectiveTimeout() != null && !env.effectiveTimeout().isZero()) {
                double ratio = r.p50TimeTaken502_3() / (double) env.effectiveTimeout().toMillis();
                atTimeout |= Stalls.atTimeout(r.p50TimeTaken502_3(), env.effectiveTimeout());
                if (shown++ < 3) {
                    lines.add(String.format(Locale.US,
                            "%s: %d × 12002 with median time-taken %,d ms = %.1f %% of the %s timeout (%s); successful requests p99 %,d ms",
                            r.route(), n, r.p50TimeTaken502_3(), 100 * ratio, fmt(env.effectiveTimeout()), env.timeoutSource(), r.ok().p99()));
                }
            }
        }
        List<RouteStats> quiet = logs.routes().stream().filter(r -> r.requests() > 0 && r.win32Count(12002) == 0).toList();
        long quietRoutes = quiet.size();
        long fastestOthers = quiet.stream().filter(r -> r.ok().count() > 0).mapToLong(r -> r.ok().p99()).max().orElse(0);
        boolean concentrated = timing.size() <= Math.max(1, routesWithTraffic / 3);
        if (quietRoutes > 0) {
            lines.add(String.format(Locale.US, "%d other route(s) have no timeouts; their slowest successful p99 is %,d ms",
                    quietRoutes, fastestOthers));
        }
        if (in.evidence().freb() != null) {
            List<FrebTrace> traces = in.evidence().freb().traces().stream().filter(t -> Integer.valueOf(12002).equals(t.win32())
                    && !elsewhere.contains(t.route())).toList();
            if (!traces.isEmpty()) {
                String phases = traces.stream().map(FrebTrace::failedPhase).filter(p -> p != null).distinct().limit(3)
                        .reduce((a, b) -> a + ", " + b).orElse("unknown phase");
                String servers = traces.stream().map(FrebTrace::backendServer).filter(p -> p != null).distinct().limit(4)
                        .reduce((a, b) -> a + ", " + b).orElse("unknown server");
                long[] phase = traces.stream().mapToLong(FrebTrace::phaseMillis).filter(m -> m >= 0).sorted().toArray();
                lines.add(String.format(Locale.US, "FREB: %d trace(s) time out in %s on %s%s", traces.size(), phases, servers, phase.length == 0 ? ""
                        : String.format(Locale.US, "; the open phase ran %,d ms (median), ARR's own timing without the client's network time",
                        phase[phase.length / 2])));
            }
        } else {
            lines.add("time-taken includes sending the response to the client (KB 944884); FREB's ARR phase times do not");
        }
        double share = (double) timeouts / in.failures();
        if (concentrated) {
            double quality = atTimeout ? 0.95 : 0.75;
            return List.of(Candidate.counted(new Finding(Cause.ARR_TIMEOUT_TOO_LOW, clamp(share * quality), String.format(Locale.US,
                    "%s need%s longer than the ARR timeout (%d × 12002)", timing.isEmpty() ? "some routes" : timing.get(0).route()
                            + (timing.size() > 1 ? " and " + (timing.size() - 1) + " more" : ""), timing.size() > 1 ? "" : "s", timeouts), lines),
                    timeouts));
        }
        lines.add(String.format(Locale.US, "timeouts spread over %d of %d routes: the backend is slow for everything", timing.size(), routesWithTraffic));
        return List.of(Candidate.counted(new Finding(Cause.BACKEND_STALL, clamp(share * 0.85), String.format(Locale.US,
                "the backend stalls across %d routes (%d × 12002)", timing.size(), timeouts), lines), timeouts));
    }

    static String fmt(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 60 ? (s / 60) + " min" : s + " s";
    }
}
