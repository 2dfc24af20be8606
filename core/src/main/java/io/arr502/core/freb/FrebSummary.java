package io.arr502.core.freb;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Failed request traces in the selected window.
 *
 * @param traces          every trace read, newest first
 * @param count502_3ByServer   backend server → 502.3 traces
 * @param count502_3ByRoute    normalised route → 502.3 traces
 * @param count502_3ByPhase    failing phase → 502.3 traces
 * @param longest         the slowest 502.3 traces, kept as evidence (a few)
 * @param unreadable      files that could not be parsed, with a one-line reason each
 */
public record FrebSummary(
        List<FrebTrace> traces,
        Map<String, Long> count502_3ByServer,
        Map<String, Long> count502_3ByRoute,
        Map<String, Long> count502_3ByPhase,
        List<FrebTrace> longest,
        List<FileProblem> unreadable) {

    public record FileProblem(String file, String reason) {
    }

    /** The 502.3 traces, newest first. */
    public List<FrebTrace> failed502_3() {
        return traces.stream().filter(FrebTrace::is502_3).toList();
    }

    /** Routes most of whose 502.3 traces the ASP.NET Core Module set, not ARR. */
    public Set<String> ancmRoutes() {
        return routesWhere(t -> true, t -> t.producer() == FrebTrace.Producer.ASPNET_CORE_MODULE);
    }

    /** Routes most of whose ARR 12002 traces timed out before the request was sent (ARR_REQUEST_HEADERS open). */
    public Set<String> connectTimeoutRoutes() {
        return routesWhere(t -> Integer.valueOf(12002).equals(t.win32()) && t.producer() != FrebTrace.Producer.ASPNET_CORE_MODULE,
                FrebTrace::failedConnecting);
    }

    /** Raising ARR's timeout does not help this route: its 502.3s come from ANCM, or ARR could not connect in time. */
    public boolean raisingArrTimeoutWontHelp(String route) {
        return ancmRoutes().contains(route) || connectTimeoutRoutes().contains(route);
    }

    /** Routes where more than half of the 502.3 traces that pass {@code among} also pass {@code which}. */
    private Set<String> routesWhere(java.util.function.Predicate<FrebTrace> among, java.util.function.Predicate<FrebTrace> which) {
        Map<String, long[]> n = new HashMap<>();
        for (FrebTrace t : traces) {
            if (t.is502_3() && t.route() != null && among.test(t)) {
                long[] c = n.computeIfAbsent(t.route(), k -> new long[2]);
                c[0]++;
                c[1] += which.test(t) ? 1 : 0;
            }
        }
        Set<String> out = new HashSet<>();
        n.forEach((route, c) -> {
            if (c[1] * 2 > c[0]) {
                out.add(route);
            }
        });
        return out;
    }
}
