package io.arr502.core.diagnosis;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.config.RouteResolver;
import io.arr502.core.config.RouteTarget;
import io.arr502.core.config.WebFarm;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.freb.FrebTrace;
import io.arr502.core.log.LogSummary;
import io.arr502.core.log.MinuteBucket;
import io.arr502.core.log.RouteStats;
import io.arr502.core.probe.ProbeResult;
import io.arr502.core.win32.Win32Status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names the root cause from whatever evidence there is, with the numbers that prove it. Each rule
 * scores the share of the failures it explains; corroborating evidence (FREB, probes, counters,
 * configuration) raises its confidence.
 */
public final class Diagnoser {
    /** ARR's 12002 lands at the timeout; allow this much slack for scheduling and clock granularity. */
    static final double AT_TIMEOUT_TOLERANCE = 0.03;

    private Diagnoser() {
    }

    public static Diagnosis diagnose(Evidence ev, DiagnosisOptions opt) {
        List<Finding> findings = new ArrayList<>();
        LogSummary logs = ev.logs();
        List<RouteEnvelope> envelopes = logs == null ? List.of() : envelopes(ev, logs, opt.timeoutClasses());
        if (logs != null) {
            fromLogs(ev, logs, envelopes, findings);
        } else if (ev.freb() != null) {
            fromFreb(ev, findings);
        }
        fromProbes(ev, findings);
        fromConfig(ev, findings);
        fromCollected(ev, logs, findings);
        findings.sort(Comparator.comparingDouble(Finding::confidence).reversed());
        merge(findings);
        if (findings.isEmpty()) {
            findings.add(new Finding(Cause.HEALTHY, healthyConfidence(ev), "no 502.3, 502.4 or 504 and nothing failing",
                    healthyEvidence(ev)));
        }
        Regression regression = null;
        if (opt.baseline() != null && logs != null) {
            Baseline b = opt.baseline();
            regression = RegressionTest.compare(b.requests(), b.count502_3(), logs.requests(), logs.count502_3(),
                    opt.regression(), b.source());
        }
        return new Diagnosis(List.copyOf(findings), envelopes, regression);
    }

    private static void fromLogs(Evidence ev, LogSummary logs, List<RouteEnvelope> envelopes, List<Finding> out) {
        long total = logs.count502_3();
        long c5024 = logs.count("502.4");
        long c504 = logs.count("504.0");
        long failures = total + c5024 + c504;
        if (failures == 0) {
            return;
        }
        Map<Integer, Long> w = logs.win32For502_3();
        long timeouts = sum(w, 12002);
        long connect = sum(w, 12029, 12007);
        long resets = sum(w, 12030, 12031, 12152);
        long tls = w.entrySet().stream().filter(e -> Win32Status.of(e.getKey()).isTls()).mapToLong(Map.Entry::getValue).sum();

        if (timeouts > 0) {
            timeoutFinding(ev, logs, envelopes, timeouts, failures, out);
        }
        if (connect > 0) {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.US, "%d of %d 502.3 are 12029/12007 (cannot connect / name not resolved)", connect, total));
            double conf = 0.8 * connect / failures;
            MinuteBucket peak = logs.perMinute().stream().max(Comparator.comparingLong(MinuteBucket::count12029)).orElse(null);
            if (peak != null && peak.count12029() > 0) {
                long minutes = logs.perMinute().stream().filter(b -> b.count12029() > 0).count();
                lines.add(String.format(Locale.US, "12029 seen in %d minute(s), peak %d at %s", minutes, peak.count12029(), peak.minute()));
            }
            conf += corroborate(ev, lines, ProbeResult.Kind.TCP, "connect");
            out.add(new Finding(Cause.BACKEND_UNREACHABLE, clamp(conf), String.format(Locale.US,
                    "%d requests could not reach a backend (win32 12029)", connect), lines));
        }
        if (resets > 0) {
            out.add(new Finding(Cause.CONNECTION_RESET, clamp(0.8 * resets / failures), String.format(Locale.US,
                    "%d requests lost their backend connection (12030/12031/12152)", resets),
                    List.of(String.format(Locale.US, "%d of %d 502.3 are connection resets or invalid responses", resets, total),
                            "next: backend HTTPERR log (Connection_Dropped) and TLS protocol settings on both sides")));
        }
        if (tls > 0) {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.US, "%d of %d 502.3 are TLS failures (%s)", tls, total, codes(w, true)));
            double conf = 0.85 * tls / failures + corroborate(ev, lines, ProbeResult.Kind.TLS, "trust");
            out.add(new Finding(Cause.TLS_TRUST_FAILURE, clamp(conf), String.format(Locale.US,
                    "%d requests failed TLS to the backend (certificate trust, dates or name)", tls), lines));
        }
        if (c5024 > 0) {
            out.add(new Finding(Cause.NO_HEALTHY_SERVER, clamp(0.9 * c5024 / failures), String.format(Locale.US,
                    "%d requests found no healthy farm server (502.4)", c5024),
                    List.of(c5024 + " × 502.4: every farm member offline or failing its health check (see minServers and the health check URL)")));
        }
        if (c504 > 0) {
            out.add(new Finding(Cause.UPSTREAM_504, clamp(0.7 * c504 / failures), String.format(Locale.US,
                    "%d × 504 passed through from the backend (ARR reports its own timeouts as 502.3/12002, not 504)", c504),
                    List.of(c504 + " × 504.0 in the front-end log; check the backend's own gateway or upstream timeouts")));
        }
    }

    private static void timeoutFinding(Evidence ev, LogSummary logs, List<RouteEnvelope> envelopes, long timeouts,
                                       long failures, List<Finding> out) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.US, "%d of %d 502.3 are 12002 (ERROR_WINHTTP_TIMEOUT)", timeouts, logs.count502_3()));
        List<RouteStats> timing = logs.routes().stream().filter(r -> r.win32For502_3().getOrDefault(12002, 0L) > 0)
                .sorted(Comparator.comparingLong((RouteStats r) -> r.win32For502_3().getOrDefault(12002, 0L)).reversed()).toList();
        long routesWithTraffic = logs.routes().stream().filter(r -> r.requests() > 0).count();
        boolean atTimeout = false;
        int shown = 0;
        for (RouteStats r : timing) {
            RouteEnvelope env = envelopes.stream().filter(e -> e.route().equals(r.route())).findFirst().orElse(null);
            long n = r.win32For502_3().getOrDefault(12002, 0L);
            if (env != null && env.effectiveTimeout() != null) {
                double ratio = r.p50TimeTaken502_3() / (double) env.effectiveTimeout().toMillis();
                boolean at = Math.abs(1 - ratio) <= AT_TIMEOUT_TOLERANCE;
                atTimeout |= at;
                if (shown++ < 3) {
                    lines.add(String.format(Locale.US,
                            "%s: %d × 12002 with median time-taken %,d ms = %.1f %% of the %s timeout (%s); successful requests p99 %,d ms",
                            r.route(), n, r.p50TimeTaken502_3(), 100 * ratio, fmt(env.effectiveTimeout()), env.timeoutSource(), r.ok().p99()));
                }
            }
        }
        long quietRoutes = routesWithTraffic - timing.size();
        long fastestOthers = logs.routes().stream().filter(r -> !timing.contains(r) && r.ok().count() > 0)
                .mapToLong(r -> r.ok().p99()).max().orElse(0);
        boolean concentrated = timing.size() <= Math.max(1, routesWithTraffic / 3);
        if (quietRoutes > 0) {
            lines.add(String.format(Locale.US, "%d other route(s) have no timeouts; their slowest successful p99 is %,d ms",
                    quietRoutes, fastestOthers));
        }
        if (ev.freb() != null) {
            long inPhase = ev.freb().traces().stream().filter(t -> Integer.valueOf(12002).equals(t.win32())).count();
            if (inPhase > 0) {
                String phases = ev.freb().traces().stream().filter(t -> Integer.valueOf(12002).equals(t.win32()))
                        .map(FrebTrace::failedPhase).filter(p -> p != null).distinct().limit(3).reduce((a, b) -> a + ", " + b).orElse("unknown phase");
                String servers = ev.freb().traces().stream().filter(t -> Integer.valueOf(12002).equals(t.win32()))
                        .map(FrebTrace::backendServer).filter(p -> p != null).distinct().limit(4).reduce((a, b) -> a + ", " + b).orElse("unknown server");
                lines.add(String.format(Locale.US, "FREB: %d trace(s) time out in %s on %s", inPhase, phases, servers));
            }
        }
        double share = (double) timeouts / failures;
        if (concentrated) {
            double quality = atTimeout ? 0.95 : 0.75;
            out.add(new Finding(Cause.ARR_TIMEOUT_TOO_LOW, clamp(share * quality), String.format(Locale.US,
                    "%s need%s longer than the ARR timeout (%d × 12002)", timing.isEmpty() ? "some routes" : timing.get(0).route()
                            + (timing.size() > 1 ? " and " + (timing.size() - 1) + " more" : ""), timing.size() > 1 ? "" : "s", timeouts), lines));
        } else {
            lines.add(String.format(Locale.US, "timeouts spread over %d of %d routes: the backend is slow for everything", timing.size(), routesWithTraffic));
            out.add(new Finding(Cause.BACKEND_STALL, clamp(share * 0.85), String.format(Locale.US,
                    "the backend stalls across %d routes (%d × 12002)", timing.size(), timeouts), lines));
        }
    }

    /** Without logs, the traces alone: each 502.3 trace's win32 code names its family. */
    private static void fromFreb(Evidence ev, List<Finding> out) {
        List<FrebTrace> failed = ev.freb().traces().stream().filter(t -> "502.3".equals(t.statusCode())).toList();
        if (failed.isEmpty()) {
            return;
        }
        java.util.Map<Cause, List<FrebTrace>> byCause = new java.util.EnumMap<>(Cause.class);
        for (FrebTrace t : failed) {
            Win32Status w = Win32Status.of(t.win32() == null ? 0 : t.win32());
            Cause c = w.isTimeout() ? Cause.ARR_TIMEOUT_TOO_LOW : w.isConnectFailure() ? Cause.BACKEND_UNREACHABLE
                    : w.isReset() ? Cause.CONNECTION_RESET : w.isTls() ? Cause.TLS_TRUST_FAILURE : null;
            if (c != null) {
                byCause.computeIfAbsent(c, k -> new ArrayList<>()).add(t);
            }
        }
        byCause.forEach((cause, traces) -> {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.US, "%d of %d 502.3 traces are win32 %s", traces.size(), failed.size(),
                    traces.stream().map(t -> String.valueOf(t.win32())).distinct().reduce((a, b) -> a + "/" + b).orElse("")));
            traces.stream().sorted(Comparator.comparingLong(FrebTrace::timeTakenMillis).reversed()).limit(3).forEach(t ->
                    lines.add(String.format(Locale.US, "%s %s via %s: %,d ms, failed in %s%s", t.started(), t.url(),
                            t.backendServer() == null ? "(unknown server)" : t.backendServer(), t.timeTakenMillis(),
                            t.failedPhase() == null ? "(no open ARR phase)" : t.failedPhase(),
                            t.errorDescription() == null ? "" : " - " + t.errorDescription())));
            out.add(new Finding(cause, clamp(0.7 * traces.size() / failed.size()), String.format(Locale.US,
                    "%d failed-request trace(s) point to %s", traces.size(), cause), lines));
        });
    }

    private static double corroborate(Evidence ev, List<String> lines, ProbeResult.Kind kind, String what) {
        double add = 0;
        for (ProbeResult p : ev.probes()) {
            if (p.kind() == kind || (kind == ProbeResult.Kind.TLS && p.tls() != null)) {
                lines.add("probe " + p.target() + ": " + (p.ok() ? "ok" : "failed - " + p.error()));
                add += p.ok() ? -0.1 : 0.15;
            }
        }
        if (ev.collected() != null && kind == ProbeResult.Kind.TCP) {
            for (CollectedEvidence.NetConnectionResult n : ev.collected().netConnections()) {
                lines.add(String.format(Locale.US, "Test-NetConnection %s:%d: %s", n.computerName(), n.port(),
                        n.tcpTestSucceeded() ? "succeeded" : "FAILED"));
                add += n.tcpTestSucceeded() ? -0.05 : 0.15;
            }
        }
        return add;
    }

    private static void fromProbes(Evidence ev, List<Finding> out) {
        for (ProbeResult p : ev.probes()) {
            if (p.ok()) {
                continue;
            }
            if ((p.failure() != null && p.failure().isTls()) || (p.tls() != null && !p.tls().trusted())) {
                // trust, expiry, wrong name and handshake failures alike: ARR logs them as 12175/12157
                out.add(new Finding(Cause.TLS_TRUST_FAILURE, 0.7, "the backend certificate is not trusted: " + p.target(),
                        List.of("probe " + p.target() + ": " + p.error())));
            } else if (p.statusCode() < 0 && p.error() != null && p.error().toLowerCase(Locale.ROOT).contains("timed out")) {
                out.add(new Finding(Cause.BACKEND_STALL, 0.5, "probe timed out: " + p.target(), List.of("probe " + p.target() + ": " + p.error())));
            } else if (p.statusCode() < 0) {
                out.add(new Finding(Cause.BACKEND_UNREACHABLE, 0.6, "probe cannot reach " + p.target(), List.of("probe " + p.target() + ": " + p.error())));
            }
        }
    }

    private static void fromConfig(Evidence ev, List<Finding> out) {
        if (ev.config() == null) {
            return;
        }
        for (WebFarm f : ev.config().farms()) {
            if (!f.servers().isEmpty() && f.servers().stream().noneMatch(WebFarm.FarmServer::enabled)) {
                out.add(new Finding(Cause.NO_HEALTHY_SERVER, 0.6, "farm " + f.name() + " has no enabled server",
                        List.of("webFarm " + f.name() + ": " + f.servers().size() + " server(s), all disabled")));
            }
        }
    }

    private static void fromCollected(Evidence ev, LogSummary logs, List<Finding> out) {
        CollectedEvidence c = ev.collected();
        if (c == null) {
            return;
        }
        double queued = c.counters().stream().filter(s -> s.path().toLowerCase(Locale.ROOT).contains("requests queued")
                || s.path().toLowerCase(Locale.ROOT).contains("requests in application queue")).mapToDouble(CollectedEvidence.CounterSample::value).max().orElse(0);
        double conns = c.counters().stream().filter(s -> s.path().toLowerCase(Locale.ROOT).contains("current connections"))
                .mapToDouble(CollectedEvidence.CounterSample::value).max().orElse(0);
        if (queued > 0 && logs != null && logs.count502_3() > 0) {
            out.add(new Finding(Cause.BACKEND_STALL, 0.4, String.format(Locale.US, "requests are queueing (%.0f queued)", queued),
                    List.of(String.format(Locale.US, "ASP.NET queue up to %.0f, Web Service current connections up to %.0f", queued, conns))));
        }
        poolExhaustion(c, logs, out);
        // ARR's own Application-log entries carry the WinHTTP HRESULT, e.g. "(0x80072ee2)"
        java.util.Map<Cause, List<String>> fromEvents = new java.util.EnumMap<>(Cause.class);
        java.util.regex.Pattern hr = java.util.regex.Pattern.compile("0x8007([0-9a-fA-F]{4})");
        for (CollectedEvidence.EventLogEntry e : c.applicationEvents()) {
            java.util.regex.Matcher m = hr.matcher(e.message() == null ? "" : e.message());
            if (!m.find()) {
                continue;
            }
            Win32Status w = Win32Status.of(Integer.parseInt(m.group(1), 16));
            Cause cause = w.isTimeout() ? Cause.ARR_TIMEOUT_TOO_LOW : w.isConnectFailure() ? Cause.BACKEND_UNREACHABLE
                    : w.isReset() ? Cause.CONNECTION_RESET : w.isTls() ? Cause.TLS_TRUST_FAILURE : null;
            if (cause != null) {
                fromEvents.computeIfAbsent(cause, k -> new ArrayList<>()).add(e.time() + " " + e.provider() + " " + e.id() + ": " + oneLine(e.message()));
            }
        }
        fromEvents.forEach((cause, lines) -> out.add(new Finding(cause, logs == null ? 0.4 : 0.2,
                lines.size() + " Application log entr" + (lines.size() == 1 ? "y" : "ies") + " from ARR point to " + cause,
                lines.stream().limit(3).toList())));
        long was = c.wasEvents().size();
        if (was > 0) {
            out.add(new Finding(Cause.BACKEND_UNREACHABLE, 0.3, was + " WAS event(s): an application pool failed",
                    c.wasEvents().stream().limit(3).map(e -> e.time() + " WAS " + e.id() + ": " + oneLine(e.message())).toList()));
        }
    }

    /**
     * Connection-pool exhaustion: 12029/12002 come in bursts (a minute far above the usual) while the
     * connection counters sit flat at their highest value — a ceiling, not a slow backend or a dead one.
     * Needs both the log series and the collected counters; either alone cannot tell it from a backend outage.
     */
    static void poolExhaustion(CollectedEvidence c, LogSummary logs, List<Finding> out) {
        if (logs == null || logs.perMinute().size() < 3) {
            return;
        }
        List<Double> conns = c.counters().stream().filter(s -> s.path().contains("current connections") || s.path().contains("current requests"))
                .map(CollectedEvidence.CounterSample::value).toList();
        if (conns.size() < 3) {
            return;
        }
        double max = conns.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = conns.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        boolean plateau = max >= 100 && (max - min) <= 0.02 * max;
        long[] perMinute = logs.perMinute().stream().mapToLong(b -> b.count12029() + b.count12002()).sorted().toArray();
        long median = perMinute[perMinute.length / 2];
        MinuteBucket worst = logs.perMinute().stream().max(Comparator.comparingLong(b -> b.count12029() + b.count12002())).orElseThrow();
        long peak = worst.count12029() + worst.count12002();
        long burstMinutes = logs.perMinute().stream().filter(b -> b.count12029() + b.count12002() >= Math.max(10, 5 * Math.max(1, median))).count();
        if (!plateau || burstMinutes == 0 || burstMinutes > perMinute.length / 2) {
            return;
        }
        out.add(new Finding(Cause.CONNECTION_POOL_EXHAUSTION, 0.7, String.format(Locale.US,
                "bursts of 12029/12002 while connections sit at a ceiling of %.0f", max), List.of(
                String.format(Locale.US, "connection counters flat at %.0f-%.0f over %d samples (a ceiling, not load)", min, max, conns.size()),
                String.format(Locale.US, "%d burst minute(s); worst %s with %d × 12029/12002 against a median of %d a minute",
                        burstMinutes, worst.minute(), peak, median),
                "next: ARR per-server Current Requests and the backend's connection limits (maxConcurrentRequestsPerCPU, appConcurrentRequestLimit)")));
    }

    /** Keeps one finding per cause (the strongest), with the others' evidence appended. */
    private static void merge(List<Finding> findings) {
        for (int i = 0; i < findings.size(); i++) {
            for (int j = findings.size() - 1; j > i; j--) {
                if (findings.get(j).cause() == findings.get(i).cause()) {
                    Finding a = findings.get(i);
                    List<String> ev = new ArrayList<>(a.evidence());
                    ev.addAll(findings.get(j).evidence());
                    findings.set(i, new Finding(a.cause(), clamp(Math.max(a.confidence(), findings.get(j).confidence()) + 0.05), a.headline(), ev));
                    findings.remove(j);
                }
            }
        }
    }

    static List<RouteEnvelope> envelopes(Evidence ev, LogSummary logs, TimeoutClasses classes) {
        Duration inferred = inferredTimeout(logs);
        List<RouteEnvelope> out = new ArrayList<>();
        for (RouteStats r : logs.routes()) {
            Duration timeout = null;
            String source;
            if (ev.config() != null) {
                RouteTarget t = RouteResolver.resolve(ev.config(), r.route());
                timeout = t.effectiveTimeout();
                source = t.timeoutSource();
            } else if (inferred != null) {
                timeout = inferred;
                source = "inferred from 12002 time-taken";
            } else {
                source = "unknown (no configuration given)";
            }
            double headroom = timeout == null ? Double.NaN : 100.0 * (timeout.toMillis() - r.ok().p99()) / timeout.toMillis();
            String cls = null;
            Duration rec = null;
            long timeouts = r.win32For502_3().getOrDefault(12002, 0L);
            if (timeout != null && (timeouts > 0 || headroom < 20)) {
                // the backend needs more than it got: the next class with room to spare
                long needMs = Math.max((long) (timeout.toMillis() * 1.5), (long) (r.ok().p99() * 1.5));
                TimeoutClasses.TimeoutClass c = classes.fitting(Duration.ofMillis(needMs));
                cls = c.name();
                rec = c.timeout();
            }
            out.add(new RouteEnvelope(r.route(), r.requests(), r.count502_3(), r.ok().p50(), r.ok().p99(), r.ok().max(),
                    timeout, source, Double.isNaN(headroom) ? 0 : Math.round(headroom * 10) / 10.0, cls, rec));
        }
        return List.copyOf(out);
    }

    /** Without configuration, the 12002 time-taken cluster shows the timeout (rounded to whole seconds). */
    static Duration inferredTimeout(LogSummary logs) {
        return logs.routes().stream().filter(r -> r.win32For502_3().getOrDefault(12002, 0L) > 0)
                .max(Comparator.comparingLong(r -> r.win32For502_3().getOrDefault(12002, 0L)))
                .map(r -> Duration.ofSeconds(Math.round(r.p50TimeTaken502_3() / 1000.0))).orElse(null);
    }

    private static double healthyConfidence(Evidence ev) {
        return ev.logs() != null && ev.logs().requests() > 0 ? 0.9 : 0.5;
    }

    private static List<String> healthyEvidence(Evidence ev) {
        List<String> out = new ArrayList<>();
        if (ev.logs() != null) {
            out.add(String.format(Locale.US, "%d requests, no 502.3/502.4/504", ev.logs().requests()));
        }
        if (!ev.probes().isEmpty()) {
            out.add(ev.probes().size() + " probe(s) ok");
        }
        return out;
    }

    private static long sum(Map<Integer, Long> w, int... codes) {
        long s = 0;
        for (int c : codes) {
            s += w.getOrDefault(c, 0L);
        }
        return s;
    }

    private static String codes(Map<Integer, Long> w, boolean tls) {
        StringBuilder b = new StringBuilder();
        w.forEach((c, n) -> {
            if (Win32Status.of(c).isTls() == tls) {
                b.append(b.length() == 0 ? "" : ", ").append(c).append(' ').append(Win32Status.of(c).name()).append(" ×").append(n);
            }
        });
        return b.toString();
    }

    static String fmt(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 60 ? (s / 60) + " min" : s + " s";
    }

    private static double clamp(double d) {
        return Math.max(0.05, Math.min(0.99, Math.round(d * 100) / 100.0));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }
}
