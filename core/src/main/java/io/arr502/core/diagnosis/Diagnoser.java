package io.arr502.core.diagnosis;

import io.arr502.core.config.RouteResolver;
import io.arr502.core.config.RouteTarget;
import io.arr502.core.diagnosis.rules.CauseRules;
import io.arr502.core.diagnosis.rules.Gauges;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.log.LogSummary;
import io.arr502.core.log.RouteStats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Names the root cause from whatever evidence there is, with the numbers that prove it. Each cause is a
 * {@link CauseRule} (see {@link CauseRules}); this class only runs them, holds back what rests on fewer
 * failed requests than the {@link NoiseFloor}, ranks the rest by confidence (causes before early
 * warnings) and keeps one finding per cause.
 */
public final class Diagnoser {

    private Diagnoser() {
    }

    public static Diagnosis diagnose(Evidence ev, DiagnosisOptions opt) {
        LogSummary logs = ev.logs();
        List<RouteEnvelope> envelopes = logs == null ? List.of() : envelopes(ev, logs, opt);
        Regression regression = null;
        if (opt.baseline() != null && logs != null) {
            Baseline b = opt.baseline();
            JudgedRate now = opt.judged(ev); // the count a saved baseline or a build's metrics store: the same definition
            regression = RegressionTest.compare(b.requests(), b.count502_3(), now.requests(), now.count(), opt.regression(), b.source());
        }
        DiagnosisInput in = new DiagnosisInput(ev, logs, envelopes, opt, regression);
        List<Finding> findings = new ArrayList<>();
        List<String> belowFloor = new ArrayList<>();
        for (CauseRule rule : CauseRules.all()) {
            for (Candidate c : rule.evaluate(in)) {
                if (NoiseFloor.passes(c, in)) {
                    findings.add(withShare(c, in));
                } else {
                    belowFloor.add(c.cause() + ": " + c.finding().headline());
                }
            }
        }
        // causes by confidence, early warnings after them, client aborts the rate leaves out last: they never name the cause of a
        // state they did not count towards (stable: ties keep the rules' order)
        findings.sort(Comparator.comparingInt((Finding f) -> f.cause() == Cause.CLIENT_ABORT && !opt.judgeClientAborts() ? 2
                : f.cause().isEarlyWarning() ? 1 : 0).thenComparing(Finding::confidence, Comparator.reverseOrder()));
        merge(findings);
        if (findings.isEmpty()) {
            findings.add(healthy(ev, opt, belowFloor));
        }
        return new Diagnosis(List.copyOf(findings), envelopes, regression, BackendServers.of(ev), belowFloor, Gauges.of(in));
    }

    /** A counted cause says which share of the failures it explains, so mixed causes show their weights. */
    private static Finding withShare(Candidate c, DiagnosisInput in) {
        long failures = in.failures();
        if (c.failedRequests() == 0 || failures == 0 || c.cause().isEarlyWarning()) {
            return c.finding();
        }
        Finding f = c.finding();
        List<String> ev = new ArrayList<>(f.evidence());
        ev.add(String.format(Locale.US, "share: %d of %d failures (%.1f %%)", Math.min(c.failedRequests(), failures), failures,
                100.0 * Math.min(c.failedRequests(), failures) / failures));
        return new Finding(f.cause(), f.confidence(), f.headline(), List.copyOf(ev));
    }

    /** Keeps one finding per cause (the strongest), with the others' evidence appended. */
    private static void merge(List<Finding> findings) {
        for (int i = 0; i < findings.size(); i++) {
            for (int j = findings.size() - 1; j > i; j--) {
                if (findings.get(j).cause() == findings.get(i).cause()) {
                    Finding a = findings.get(i);
                    List<String> ev = new ArrayList<>(a.evidence());
                    ev.addAll(findings.get(j).evidence());
                    findings.set(i, new Finding(a.cause(), DiagnosisInput.clamp(Math.max(a.confidence(), findings.get(j).confidence()) + 0.05), a.headline(), ev));
                    findings.remove(j);
                }
            }
        }
    }

    static List<RouteEnvelope> envelopes(Evidence ev, LogSummary logs, DiagnosisOptions opt) {
        TimeoutClasses classes = opt.timeoutClasses();
        Duration inferred = inferredTimeout(logs, opt.thresholds().noiseMinCount());
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
            long timeouts = r.win32Count(12002);
            // a route that hangs some requests would only hang them longer: no class for it
            if (timeout != null && (timeouts > 0 || headroom < 20) && !Stalls.hangs(r, timeout, opt.thresholds())) {
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

    /**
     * Without configuration, the 12002 time-taken cluster shows the timeout (rounded to whole seconds);
     * a cluster smaller than the noise floor's count, or without time-taken, shows nothing.
     */
    static Duration inferredTimeout(LogSummary logs, long minCount) {
        // 502.3 counted without a time-taken (not logged or out of range) show no timeout: only routes whose 502.3 have one
        return logs.routes().stream().filter(r -> r.win32Count(12002) >= Math.max(1, minCount)
                        && r.maxTimeTaken502_3() > 0)
                .max(Comparator.comparingLong(r -> r.win32Count(12002)))
                .map(r -> Duration.ofSeconds(Math.round(r.p50TimeTaken502_3() / 1000.0))).filter(d -> !d.isZero()).orElse(null);
    }

    /** HEALTHY; when there were failures, it says how many, of which codes, and why none of them names a cause. */
    private static Finding healthy(Evidence ev, DiagnosisOptions opt, List<String> belowFloor) {
        LogSummary logs = ev.logs();
        // a 502 without a logged substatus may be a 502.3: never "nothing failing" over it
        long failures = logs == null ? 0 : logs.count502_3() + logs.count("502.4") + logs.count("504.0") + logs.count(LogSummary.UNKNOWN_SUBSTATUS_502);
        if (failures == 0) {
            return new Finding(Cause.HEALTHY, healthyConfidence(ev), "no 502.3, 502.4 or 504 and nothing failing", healthyEvidence(ev));
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.US, "%d requests; %d failed: %s", logs.requests(), failures, NoiseFloor.codes(logs)));
        lines.add(NoiseFloor.describe(opt.thresholds(), opt.baseline() != null));
        String headline = belowFloor.isEmpty()
                ? String.format(Locale.US, "%d failure%s that no rule attributes to a cause (%s)", failures, failures == 1 ? "" : "s", NoiseFloor.codes(logs))
                : String.format(Locale.US, "%d isolated failure%s below the noise floor (%s)", failures, failures == 1 ? "" : "s", NoiseFloor.codes(logs));
        return new Finding(Cause.HEALTHY, healthyConfidence(ev), headline, List.copyOf(lines));
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
}
