package io.arr502.core.diagnosis;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.log.LogSummary;
import io.arr502.core.log.RouteStats;
import io.arr502.core.probe.ProbeResult;

import java.util.List;
import java.util.Locale;

/**
 * What every rule sees: the evidence, the log summary (null without logs), the route envelopes, the
 * options and the regression against the baseline (null without one); plus the counts most rules start from.
 */
public record DiagnosisInput(Evidence evidence, LogSummary logs, List<RouteEnvelope> envelopes, DiagnosisOptions options,
                             Regression regression) {

    public Thresholds thresholds() {
        return options.thresholds();
    }

    /** The route's log statistics, null when the logs do not have it. */
    public RouteStats route(String route) {
        return logs == null ? null : logs.routes().stream().filter(r -> r.route().equals(route)).findFirst().orElse(null);
    }

    /** Whether this route hangs some requests (see {@link Stalls}), judged against its envelope's timeout. */
    public boolean hangs(RouteStats r) {
        RouteEnvelope env = envelope(r.route());
        return env != null && Stalls.hangs(r, env.effectiveTimeout(), thresholds());
    }

    /** 502.3 in the logs, 0 without logs. */
    public long count502_3() {
        return logs == null ? 0 : logs.count502_3();
    }

    /** The failures a cause's share is measured against: 502.3 + 502.4 + 504.0. */
    public long failures() {
        return logs == null ? 0 : logs.count502_3() + logs.count("502.4") + logs.count("504.0");
    }

    /** 502.3 lines with any of these win32 codes. */
    public long win32(int... codes) {
        return logs == null ? 0 : logs.win32Count(codes);
    }

    public RouteEnvelope envelope(String route) {
        return envelopes.stream().filter(e -> e.route().equals(route)).findFirst().orElse(null);
    }

    /**
     * Probes (and, for connect, the collector's TCP connects) of this kind, as evidence lines;
     * returns how much they move the confidence (failed probes raise it, passing ones lower it).
     */
    public double corroborate(List<String> lines, ProbeResult.Kind kind) {
        double add = 0;
        for (ProbeResult p : evidence.probes()) {
            if (p.kind() == kind || (kind == ProbeResult.Kind.TLS && p.tls() != null)) {
                lines.add("probe " + p.target() + ": " + (p.ok() ? "ok" : "failed - " + p.error()));
                add += p.ok() ? -0.1 : 0.15;
            }
        }
        if (evidence.collected() != null && kind == ProbeResult.Kind.TCP) {
            for (CollectedEvidence.NetConnectionResult n : evidence.collected().netConnections()) {
                String from = evidence.collected().host() == null ? "the ARR host" : evidence.collected().host();
                lines.add(String.format(Locale.US, "TCP connect from %s to %s:%d: %s", from, n.computerName(), n.port(),
                        n.tcpTestSucceeded() ? "succeeded" : "FAILED"));
                add += n.tcpTestSucceeded() ? -0.05 : 0.15;
            }
        }
        return add;
    }

    /** Confidence kept within 0.05..0.99 and rounded to two places. */
    public static double clamp(double d) {
        return Math.max(0.05, Math.min(0.99, Math.round(d * 100) / 100.0));
    }

    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }
}
