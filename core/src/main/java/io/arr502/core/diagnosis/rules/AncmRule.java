package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.freb.FrebSummary;
import io.arr502.core.freb.FrebTrace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/**
 * 502.3s the out-of-process ASP.NET Core Module set (FREB ModuleName AspNetCoreModule / AspNetCoreModuleV2), not
 * ARR: with 12002 its own requestTimeout (2 min by default), otherwise a lost or unreachable app process
 * (aspnet/AspNetCoreModule#164, #287; aspnet/IISIntegration#201, #311). No ARR farm is involved.
 */
final class AncmRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        FrebSummary freb = in.evidence().freb();
        if (freb == null) {
            return List.of();
        }
        List<FrebTrace> failed = freb.failed502_3();
        List<FrebTrace> ancm = failed.stream().filter(t -> t.producer() == FrebTrace.Producer.ASPNET_CORE_MODULE).toList();
        List<Candidate> out = new ArrayList<>();
        List<FrebTrace> timeouts = ancm.stream().filter(t -> Integer.valueOf(12002).equals(t.win32())).toList();
        List<FrebTrace> other = ancm.stream().filter(t -> !Integer.valueOf(12002).equals(t.win32())).toList();
        if (!timeouts.isEmpty()) {
            out.add(candidate(in, freb, failed.size(), timeouts, Cause.ANCM_REQUEST_TIMEOUT, true));
        }
        if (!other.isEmpty()) {
            out.add(candidate(in, freb, failed.size(), other, Cause.ANCM_CONNECTION_FAILURE, false));
        }
        return out;
    }

    private static Candidate candidate(DiagnosisInput in, FrebSummary freb, int allTraces, List<FrebTrace> traces, Cause cause, boolean timeout) {
        Set<String> routes = new HashSet<>(freb.ancmRoutes());
        routes.retainAll(traces.stream().map(FrebTrace::route).toList());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.US, "%d of %d 502.3 trace(s) were set by %s, not by ARR (win32 %s)", traces.size(), allTraces,
                traces.stream().map(FrebTrace::module).distinct().reduce((a, b) -> a + "/" + b).orElse(""),
                traces.stream().map(t -> String.valueOf(t.win32())).distinct().reduce((a, b) -> a + "/" + b).orElse("")));
        TreeMap<String, Long> byRoute = new TreeMap<>();
        traces.forEach(t -> byRoute.merge(t.route(), 1L, Long::sum));
        lines.add("routes: " + byRoute.toString().replaceAll("[{}]", "").replace("=", " × "));
        long[] taken = traces.stream().mapToLong(FrebTrace::timeTakenMillis).filter(t -> t >= 0).sorted().toArray();
        if (taken.length > 0) {
            lines.add(String.format(Locale.US, "median time-taken %,d ms%s", taken[taken.length / 2],
                    timeout ? " (the module's requestTimeout defaults to 00:02:00)" : ""));
        }
        lines.add(RouteCounts.FREB_SAMPLE);
        lines.add(timeout ? "fix: system.webServer/aspNetCore@requestTimeout of that app, or why the app takes that long; ARR farm timeouts do not apply"
                : "fix: the app process behind the module (stdout log, crashes, port); ARR farm settings do not apply");
        long fromLogs = in.logs() == null ? 0 : timeout ? RouteCounts.win32On(in.logs(), routes, 12002) : RouteCounts.win32On(in.logs(), routes)
                - RouteCounts.win32On(in.logs(), routes, 12002);
        String what = timeout ? "timed out in the ASP.NET Core Module (its requestTimeout), not in ARR"
                : "failed in the ASP.NET Core Module (app process unreachable or gone), not in ARR";
        if (fromLogs > 0) {
            lines.add(0, String.format(Locale.US, "%d 502.3 in the log on the routes these traces name", fromLogs));
            return Candidate.counted(new Finding(cause, clamp(0.9 * fromLogs / Math.max(1, in.failures())),
                    String.format(Locale.US, "%d requests %s", fromLogs, what), lines), fromLogs);
        }
        double base = in.logs() == null ? 0.8 : 0.4; // with logs that show none of them, the traces are older news
        return Candidate.counted(new Finding(cause, clamp(base * traces.size() / Math.max(1, allTraces)),
                String.format(Locale.US, "%d traced request(s) %s", traces.size(), what), lines), traces.size());
    }
}
