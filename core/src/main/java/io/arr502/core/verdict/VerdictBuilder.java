package io.arr502.core.verdict;

import io.arr502.core.config.ArrConfig;
import io.arr502.core.config.ConfigFinding;
import io.arr502.core.config.WebFarm;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.Diagnosis;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.diagnosis.JudgedRate;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.evidence.EvidenceProblem;
import io.arr502.core.log.LogSummary;
import io.arr502.core.log.MalformedLine;
import io.arr502.core.log.RouteStats;
import io.arr502.core.probe.ProbeResult;
import io.arr502.core.remediation.RemediationPlan;
import io.arr502.core.win32.Win32Status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evidence + diagnosis → one {@link Verdict}, in nagiosplugin's order: the resources (evidence)
 * give metrics, the contexts (warning/critical ranges) judge the main metric, and the summary names
 * the worst result. Diagnosis can raise the state (a regression, a failed probe) but never hides a
 * threshold breach.
 */
public final class VerdictBuilder {
    /** Win32 codes always reported in perfdata (0 when absent) so graphs keep stable series. */
    static final int[] PERF_WIN32 = {12002, 12029, 12030, 12031, 12152, 12175};
    /** Configuration findings that by themselves make requests fail. */
    static final java.util.Set<String> SERIOUS_CONFIG = java.util.Set.of("PROXY_DISABLED", "FARM_EMPTY", "FARM_NO_ENABLED_SERVER");

    private VerdictBuilder() {
    }

    public static Verdict build(Evidence ev, VerdictOptions opt, Diagnosis diagnosis, List<RemediationPlan> plans) {
        List<EvidenceProblem> problems = ev.problems() == null ? List.of() : ev.problems();
        List<RemediationPlan> remediation = plans == null ? List.of() : plans;
        EvidenceProblem fatal = problems.stream().filter(EvidenceProblem::fatal).findFirst().orElse(null);
        if (fatal != null || !ev.hasAny()) {
            EvidenceProblem first = fatal != null ? fatal : problems.isEmpty() ? null : problems.get(0);
            String why = first != null ? first.source() + ": " + first.reason() : "no evidence given (use --logs, --freb, --config, --url or --evidence)";
            // the summary says the first problem already: the long output lists the others
            List<EvidenceProblem> others = problems.stream().filter(p -> p != first).toList();
            List<String> rest = new ArrayList<>(problemLines(others));
            rest.addAll(noteLines(ev));
            return new Verdict(State.UNKNOWN, why, List.of(), List.copyOf(rest), Metrics.none(), 0, diagnosis,
                    remediation, problems);
        }

        State state = State.OK;
        List<String> summary = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<Perfdata> perf = new ArrayList<>();
        Metrics metrics = Metrics.none();
        long malformed = 0;

        LogSummary logs = ev.logs();
        String unreadable = logs == null ? null : LogTrust.unreadable(logs);
        if (unreadable != null) {
            // nothing usable was read: "0 of 0 requests" would be a green on evidence the check could not see
            List<String> why = new ArrayList<>(LogTrust.lines(logs, opt.windowLabel()));
            why.addAll(logLines(logs, JudgedRate.of(ev, opt.judgeClientAborts())));
            why.addAll(problemLines(problems));
            why.addAll(noteLines(ev));
            return new Verdict(State.UNKNOWN, "logs: " + unreadable, List.of(), List.copyOf(why), metrics(logs, JudgedRate.of(ev, opt.judgeClientAborts())),
                    logs.malformedLines(), diagnosis, remediation, problems);
        }
        if (logs != null) {
            JudgedRate judgedRate = JudgedRate.of(ev, opt.judgeClientAborts());
            metrics = metrics(logs, judgedRate);
            malformed = logs.malformedLines();
            long count = judgedRate.count();
            double rate = judgedRate.percent();
            boolean judged = opt.metric() == MetricKind.COUNT || logs.requests() >= opt.minRequests();
            double main = opt.metric() == MetricKind.RATE ? rate : count;
            State s = State.OK;
            if (judged && opt.critical() != null && opt.critical().alerts(main)) {
                s = State.CRITICAL;
            } else if (judged && opt.warning() != null && opt.warning().alerts(main)) {
                s = State.WARNING;
            }
            state = state.worse(s);
            summary.add(String.format(Locale.US, "502.3 rate %s%% (%d of %d requests, window %s%s)",
                    Perfdata.number(round2(rate)), count, logs.requests(), opt.windowLabel(), judgedRate.stated()));
            summary.addAll(LogTrust.partial(logs));
            if (!judged) {
                summary.add(String.format(Locale.US, "too few requests to judge the rate (%d < %d)", logs.requests(), opt.minRequests()));
            }
            String silent = LogTrust.silence(logs, opt);
            if (silent != null) {
                state = state.worse(opt.silenceState());
                summary.add(0, silent); // the first words of the line matter most
            }
            boolean rateCtx = opt.metric() == MetricKind.RATE;
            String counterUom = opt.cumulativeCounts() ? "c" : null;
            perf.add(new Perfdata("rate_502_3", round2(rate), "%", rateCtx ? opt.warning() : null, rateCtx ? opt.critical() : null, 0.0, 100.0));
            perf.add(new Perfdata("count_502_3", (double) count, counterUom, rateCtx ? null : opt.warning(), rateCtx ? null : opt.critical(), 0.0, null));
            perf.add(new Perfdata("requests", (double) logs.requests(), counterUom, null, null, 0.0, null));
            perf.add(new Perfdata("count_502_4", (double) logs.count("502.4"), counterUom, null, null, 0.0, null));
            perf.add(new Perfdata("count_504", (double) logs.count("504.0"), counterUom, null, null, 0.0, null));
            // always present (0 when none) so graphs keep a stable series; judged or not, the count is the same
            perf.add(new Perfdata("client_aborts", (double) judgedRate.clientAborts(), counterUom, null, null, 0.0, null));
            for (int code : PERF_WIN32) {
                perf.add(new Perfdata("win32_" + code, (double) logs.win32Count(code), counterUom, null, null, 0.0, null));
            }
            RouteStats worst = logs.routes().isEmpty() ? null : logs.routes().get(0);
            if (worst != null && worst.count502_3() > 0) {
                perf.add(new Perfdata("worst_route_ok_p99", (double) worst.ok().p99(), "ms", null, null, 0.0, null));
            }
            perf.add(new Perfdata("malformed_lines", (double) malformed, counterUom, null, null, 0.0, null));
            if (logs.visibility() != null && logs.visibility().live()) {
                java.time.Duration age = logs.visibility().newestRequestAge();
                perf.add(new Perfdata("newest_request_age", age == null ? null : (double) age.toSeconds(), age == null ? null : "s",
                        null, null, 0.0, null));
            }
            lines.addAll(LogTrust.lines(logs, opt.windowLabel()));
            lines.addAll(logLines(logs, judgedRate));
        }

        if (ev.probes() != null && !ev.probes().isEmpty()) {
            long failed = ev.probes().stream().filter(p -> !p.ok()).count();
            if (failed > 0) {
                state = state.worse(State.CRITICAL);
                summary.add(failed + " of " + ev.probes().size() + " probes failed");
            } else {
                summary.add("probes ok (" + ev.probes().size() + ")");
            }
            for (ProbeResult p : ev.probes()) {
                lines.add("probe " + p.kind() + " " + p.target() + ": " + (p.ok() ? "ok" : "FAILED - " + p.error())
                        + (p.timings() == null ? "" : " (total " + p.timings().totalMillis() + " ms)"));
                if (p.timings() != null) {
                    perf.add(new Perfdata("probe_" + p.target() + "_total", (double) p.timings().totalMillis(), "ms", null, null, 0.0, null));
                }
            }
        }

        String configSummary = null;
        if (ev.config() != null) {
            ArrConfig cfg = ev.config();
            long serious = cfg.findings().stream().filter(f -> SERIOUS_CONFIG.contains(f.code())).count();
            if (serious > 0) {
                state = state.worse(State.WARNING);
            }
            configSummary = (String.format(Locale.US, "config: proxy %s, timeout %s%s, %d farm(s), %d rule(s), %d finding(s)",
                    cfg.proxy().enabled() ? "enabled" : "DISABLED", hms(cfg.proxy().timeout()), cfg.proxy().timeoutExplicit() ? "" : " (default)",
                    cfg.farms().size(), cfg.rules().size(), cfg.findings().size()));
            for (WebFarm f : cfg.farms()) {
                lines.add(String.format(Locale.US, "farm %s: %d server(s) (%d enabled), protocol timeout %s%s, health check %s",
                        f.name(), f.servers().size(), f.servers().stream().filter(WebFarm.FarmServer::enabled).count(),
                        hms(f.protocol().timeout()), f.protocol().timeoutExplicit() ? "" : " (default)",
                        f.healthCheck().url() == null ? "none" : f.healthCheck().url()));
            }
            for (ConfigFinding f : cfg.findings()) {
                lines.add("config " + f.code() + ": " + f.message());
            }
        }

        if (diagnosis != null) {
            Finding top = diagnosis.top();
            if (top != null && top.cause() != Cause.HEALTHY) {
                summary.add((top.cause().isEarlyWarning() ? "early warning " : "cause ") + top.cause() + ": " + top.headline());
                if (logs == null) {
                    state = state.worse(State.WARNING);
                }
            } else if (top != null && logs != null && logs.count502_3() + logs.count("502.4") + logs.count("504.0") > 0) {
                summary.add("HEALTHY: " + top.headline());
            }
            // early warnings (timeout headroom, rising rate) carry their own thresholds
            for (io.arr502.core.diagnosis.Gauge g : diagnosis.gauges()) {
                perf.add(new Perfdata(g.label(), g.value(), g.uom(), g.warning() == null ? null : Range.parse(g.warning()),
                        g.critical() == null ? null : Range.parse(g.critical()), g.min(), g.max()));
                state = state.worse(g.level() == 2 ? State.CRITICAL : g.level() == 1 ? State.WARNING : State.OK);
            }
            for (String b : diagnosis.belowNoiseFloor()) {
                lines.add("below the noise floor: " + b);
            }
            if (diagnosis.regression() != null) {
                lines.add("baseline: " + diagnosis.regression().explanation());
                if (diagnosis.regression().regression()) {
                    state = state.worse(State.WARNING);
                    summary.add("502.3 regression against the baseline");
                }
            }
            for (Finding f : diagnosis.findings()) {
                lines.add(String.format(Locale.US, "diagnosis %s (confidence %.2f): %s", f.cause(), f.confidence(), f.headline()));
                for (String e : f.evidence()) {
                    lines.add("  - " + e);
                }
            }
            for (io.arr502.core.diagnosis.BackendServer b : diagnosis.servers()) {
                lines.add("backend server " + io.arr502.core.diagnosis.BackendServers.line(b)); // FREB and ARR counters, most failures first
            }
        }
        if (configSummary != null) {
            summary.add(configSummary); // after the cause: the first words of the line matter most
        }
        for (RemediationPlan p : remediation) {
            lines.addAll(p.lines());
        }
        lines.addAll(problemLines(problems));
        lines.addAll(noteLines(ev));
        return new Verdict(state, String.join(" - ", summary), List.copyOf(perf), List.copyOf(lines), metrics, malformed,
                diagnosis, remediation, problems);
    }

    private static List<String> problemLines(List<EvidenceProblem> problems) {
        List<String> out = new ArrayList<>();
        for (EvidenceProblem p : problems) {
            out.add("evidence problem: " + p.source() + ": " + p.reason());
        }
        return out;
    }

    /** How the collectors saw (language, account, providers not on the host): beside the problems, never in the first line. */
    private static List<String> noteLines(Evidence ev) {
        if (ev.collected() == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (ev.collected().host() != null) {
            // the collectors run on the ARR front end: its counters, events and settings are that host's, not the backends'
            out.add("evidence from host " + ev.collected().host() + (ev.collected().collectedAt() == null ? "" : " (collected " + ev.collected().collectedAt() + ")"));
        }
        if (ev.collected().notes() != null) {
            ev.collected().notes().forEach(n -> out.add("collector note: " + n));
        }
        return out;
    }

    private static List<String> logLines(LogSummary logs, JudgedRate judged) {
        List<String> out = new ArrayList<>();
        if (logs.visibility() != null && !logs.visibility().logs("sc-win32-status") && !logs.win32For502_3().isEmpty()) {
            out.add("502.3 by win32: not logged");
        } else if (!logs.win32For502_3().isEmpty()) {
            StringBuilder b = new StringBuilder("502.3 by win32:");
            logs.win32For502_3().forEach((code, n) -> b.append(' ').append(code).append(' ')
                    .append(Win32Status.of(code).name()).append(" x").append(n).append(','));
            out.add(b.substring(0, b.length() - 1));
        }
        int shown = 0;
        for (RouteStats r : logs.routes()) {
            if (shown++ == 5) {
                break;
            }
            long aborts = judged.clientAborts(r);
            out.add(String.format(Locale.US, "route %s: %d requests, %d 502.3%s, ok p50 %d ms p99 %d ms, max %d ms%s",
                    r.route(), r.requests(), r.count502_3(), aborts == 0 ? "" : " (" + aborts + " client aborts" + (judged.abortsJudged() ? ")" : ", not judged)"),
                    r.ok().p50(), r.ok().p99(), r.all().max(),
                    r.count502_3() == 0 ? "" : r.maxTimeTaken502_3() > 0 ? ", 502.3 median time-taken " + r.p50TimeTaken502_3() + " ms"
                            : ", 502.3 time-taken not known"));
        }
        if (logs.malformedLines() > 0) {
            MalformedLine m = logs.malformedExamples().isEmpty() ? null : logs.malformedExamples().get(0);
            out.add("malformed lines: " + logs.malformedLines()
                    + (m == null ? "" : " (first: " + m.file() + ":" + m.lineNumber() + " " + m.reason() + ")"));
        }
        for (String n : logs.notes()) {
            out.add("note: " + n);
        }
        return out;
    }

    /** The judged counts (what the thresholds, the gate and a stored baseline use); byStatus keeps every 502.3 as logged. */
    static Metrics metrics(LogSummary logs, JudgedRate judged) {
        Map<String, Long> byWin32 = new LinkedHashMap<>();
        logs.win32For502_3().forEach((k, v) -> byWin32.put(Integer.toString(k), v));
        List<RouteMetric> routes = new ArrayList<>();
        for (RouteStats r : logs.routes()) {
            routes.add(new RouteMetric(r.route(), r.requests(), judged.count(r), r.all().p50(), r.all().p99(), r.all().max(),
                    judged.clientAborts(r)));
        }
        return new Metrics(logs.requests(), judged.count(), round2(judged.percent()), logs.byStatus(), byWin32, routes,
                logs.visibility(), logs.failedExamples(), judged.clientAborts(), judged.abortsJudged());
    }

    /** Long-output lines for a verdict's example 502.3 lines ("502.3 line file:line fields"). */
    public static List<String> exampleLines(List<io.arr502.core.log.RequestLine> examples) {
        return LogTrust.exampleLines(examples);
    }

    /** IIS writes durations as hh:mm:ss; show them the same way. */
    static String hms(java.time.Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.US, "%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }

    static double round2(double d) {
        return Math.round(d * 100.0) / 100.0;
    }
}
