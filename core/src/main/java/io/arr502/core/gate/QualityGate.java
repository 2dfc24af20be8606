package io.arr502.core.gate;

import io.arr502.core.diagnosis.Regression;
import io.arr502.core.diagnosis.RouteEnvelope;
import io.arr502.core.verdict.RouteMetric;
import io.arr502.core.verdict.State;
import io.arr502.core.verdict.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a verdict into a build result the way warnings-ng's quality gates do. The plugin maps the
 * criticality to Jenkins results (UNSTABLE, FAILURE); the decision lives here so it is tested without
 * Jenkins. A verdict that could not judge (UNKNOWN) fails the gate, and so, by default, does a window
 * that held no request: a post-deploy check that saw nothing must not pass silently. Rates and counts are the
 * verdict's judged ones ({@link io.arr502.core.diagnosis.JudgedRate}: client aborts left out unless judged, and said).
 */
public final class QualityGate {
    private QualityGate() {
    }

    /** With {@link GateOptions#defaults()}. */
    public static GateResult evaluate(Verdict v, List<GateThreshold> thresholds) {
        return evaluate(v, thresholds, GateOptions.defaults());
    }

    public static GateResult evaluate(Verdict v, List<GateThreshold> thresholds, GateOptions options) {
        if (v.state() == State.UNKNOWN) {
            return new GateResult(Criticality.FAILURE, List.of("FAILURE: arr502 could not judge: " + v.summary()));
        }
        List<String> messages = new ArrayList<>();
        Criticality worst = null;
        if (options.noTraffic() != null && v.metrics().requests() == 0) {
            messages.add(options.noTraffic() + ": the window held no request - nothing was judged (is the site idle, "
                    + "or are these the wrong logs?)");
            worst = options.noTraffic();
        }
        for (GateThreshold t : thresholds) {
            Judgement j = judge(t, v, options);
            if (j.note() != null) {
                messages.add("NOTE: " + j.note());
            }
            if (j.breach() != null) {
                messages.add(t.criticality() + ": " + j.breach());
                worst = worst == null || t.criticality().ordinal() > worst.ordinal() ? t.criticality() : worst;
            }
        }
        return new GateResult(worst, List.copyOf(messages));
    }

    /** One threshold's outcome: the breach line (null when not breached) and a note why it was not judged. */
    private record Judgement(String breach, String note) {
    }

    private static Judgement judge(GateThreshold t, Verdict v, GateOptions o) {
        long requests = v.metrics().requests();
        switch (t.type()) {
            case RATE -> {
                if (requests < o.minRequests()) {
                    return new Judgement(null, "rate not judged: " + requests + " requests, fewer than " + o.minRequests());
                }
                String what = String.format(Locale.US, "502.3 rate %.2f %% (%d of %d%s)", v.metrics().rate502_3(),
                        v.metrics().count502_3(), requests, v.metrics().clientAbortsStated());
                return new Judgement(t.breachedBy(v.metrics().rate502_3()) ? what + limit("rate", t) : null, null);
            }
            case COUNT -> {
                long n = v.metrics().count502_3();
                return new Judgement(t.breachedBy(n) ? n + " × 502.3" + v.metrics().clientAbortsStated().replace(';', ',') + limit("count", t) : null, null);
            }
            case ROUTE_RATE -> {
                Optional<RouteMetric> worst = v.metrics().routes().stream().filter(r -> r.requests() >= o.minRequests())
                        .max(Comparator.comparingDouble(QualityGate::rate));
                if (worst.isEmpty()) {
                    return new Judgement(null, "route rate not judged: no route with " + o.minRequests() + " requests or more");
                }
                RouteMetric r = worst.get();
                String what = String.format(Locale.US, "route %s 502.3 rate %.2f %% (%d of %d)", r.route(), rate(r), r.count502_3(),
                        r.requests());
                return new Judgement(t.breachedBy(rate(r)) ? what + limit("route rate", t) : null, null);
            }
            case LATENCY -> {
                long now = worstRouteOkP99(v, o.minRequests());
                if (o.baselineP99Millis() <= 0 || now <= 0) {
                    return new Judgement(null, "latency not judged: " + (o.baselineP99Millis() <= 0
                            ? "no baseline p99" : "no route with " + o.minRequests() + " requests or more"));
                }
                double growth = (now - o.baselineP99Millis()) * 100.0 / o.baselineP99Millis();
                String what = String.format(Locale.US, "worst-route p99 %d ms against %d ms in the baseline (%+.0f %%)", now,
                        o.baselineP99Millis(), growth);
                return new Judgement(t.breachedBy(Math.max(0, growth)) ? what + limit("growth", t) + " %" : null, null);
            }
            default -> {
                Regression regression = v.diagnosis() == null ? null : v.diagnosis().regression();
                if (regression == null) {
                    return new Judgement(null, "regression not judged: no baseline to compare with");
                }
                return new Judgement(regression.regression() ? regression.explanation() + " - regression against the baseline" : null,
                        null);
            }
        }
    }

    /**
     * The slowest route's p99 of successful requests among routes with at least {@code minRequests}
     * requests (0 when none): what a build stores for the trend and for the next build's LATENCY gate.
     */
    public static long worstRouteOkP99(Verdict v, long minRequests) {
        if (v.diagnosis() == null) {
            return 0;
        }
        return v.diagnosis().envelopes().stream().filter(e -> e.requests() >= minRequests).mapToLong(RouteEnvelope::okP99Millis)
                .max().orElse(0);
    }

    /** " - rate reaches 1", or " - rate above 0" for the any-502.3 threshold. */
    private static String limit(String name, GateThreshold t) {
        return " - " + name + (t.threshold() == 0 ? " above 0" : " reaches " + num(t.threshold()));
    }

    private static double rate(RouteMetric r) {
        return r.requests() == 0 ? 0 : r.count502_3() * 100.0 / r.requests();
    }

    /** Number formatting without trailing zeros. */
    static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.valueOf(d);
    }
}
