package io.arr502.core.diagnosis.rules;

import io.arr502.core.freb.FrebSummary;
import io.arr502.core.log.LogSummary;
import io.arr502.core.log.RouteStats;

import java.util.HashSet;
import java.util.Set;

/** Log counts on a set of routes, for rules that claim the routes FREB shows another producer or phase for. */
final class RouteCounts {
    /** FREB keeps at most maxLogFiles traces per site (traceFailedRequestsLogging, default 50): counts from it are a sample. */
    static final String FREB_SAMPLE = "FREB keeps at most maxLogFiles (default 50) traces per site: trace counts are a sample, the log has the totals";

    private RouteCounts() {
    }

    /** 502.3 lines with any of these win32 codes on these routes (all codes when none are given); 0 without logs. */
    static long win32On(LogSummary logs, Set<String> routes, int... codes) {
        if (logs == null || routes.isEmpty()) {
            return 0;
        }
        long n = 0;
        for (RouteStats r : logs.routes()) {
            if (routes.contains(r.route())) {
                n += codes.length == 0 ? r.count502_3() : r.win32Count(codes);
            }
        }
        return n;
    }

    /** Routes whose 12002s raising ARR's timeout would not fix (ANCM's, or ARR still connecting); empty without FREB. */
    static Set<String> notArrResponseTimeouts(FrebSummary freb) {
        Set<String> out = new HashSet<>();
        if (freb != null) {
            out.addAll(freb.ancmRoutes());
            out.addAll(freb.connectTimeoutRoutes());
        }
        return out;
    }
}
