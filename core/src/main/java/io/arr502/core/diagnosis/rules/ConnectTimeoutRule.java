package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.freb.FrebSummary;
import io.arr502.core.freb.FrebTrace;
import io.arr502.core.probe.ProbeResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/**
 * ARR's 12002 is also a resolve, connect or send timeout (Microsoft's ARR 502 troubleshooting article). FREB
 * tells them apart: ARR_REQUEST_HEADERS_START without its END means the request never reached the backend,
 * so a longer response timeout cannot help; reachability of the named server can.
 */
final class ConnectTimeoutRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        FrebSummary freb = in.evidence().freb();
        if (freb == null) {
            return List.of();
        }
        List<FrebTrace> timeouts = freb.failed502_3().stream().filter(t -> Integer.valueOf(12002).equals(t.win32())
                && t.producer() != FrebTrace.Producer.ASPNET_CORE_MODULE).toList();
        List<FrebTrace> connecting = timeouts.stream().filter(FrebTrace::failedConnecting).toList();
        if (connecting.isEmpty()) {
            return List.of();
        }
        Set<String> routes = new HashSet<>(freb.connectTimeoutRoutes());
        routes.retainAll(connecting.stream().map(FrebTrace::route).toList());
        List<String> lines = new ArrayList<>();
        String servers = connecting.stream().map(t -> t.backendServer() == null ? "(unknown server)" : t.backendServer()).distinct().limit(4)
                .reduce((a, b) -> a + ", " + b).orElse("");
        lines.add(String.format(Locale.US, "FREB: %d of %d 12002 trace(s) timed out with ARR_REQUEST_HEADERS_START open and no END: "
                + "the request never reached %s (resolve, connect or send timeout)", connecting.size(), timeouts.size(), servers));
        long responding = timeouts.size() - connecting.size();
        if (responding > 0) {
            lines.add(String.format(Locale.US, "%d other 12002 trace(s) timed out waiting for the response", responding));
        }
        lines.add(RouteCounts.FREB_SAMPLE);
        lines.add("raising the ARR timeout does not help a backend that is not reached; check reachability of " + servers);
        long fromLogs = RouteCounts.win32On(in.logs(), routes, 12002);
        double conf;
        long n;
        if (fromLogs > 0) {
            lines.add(0, String.format(Locale.US, "%d × 12002 in the log on %s", fromLogs, String.join(", ", new java.util.TreeSet<>(routes))));
            conf = 0.85 * fromLogs / Math.max(1, in.failures());
            n = fromLogs;
        } else {
            conf = (in.logs() == null ? 0.75 : 0.35) * connecting.size() / Math.max(1, freb.failed502_3().size());
            n = connecting.size();
        }
        conf += in.corroborate(lines, ProbeResult.Kind.TCP);
        return List.of(Candidate.counted(new Finding(Cause.BACKEND_CONNECT_TIMEOUT, clamp(conf), String.format(Locale.US,
                "%d request(s) timed out before reaching the backend (%s), not waiting for its answer", n, servers), lines), n));
    }
}
