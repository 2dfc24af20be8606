package io.jenkins.plugins.arr502.data;

import io.arr502.core.diagnosis.Finding;
import io.arr502.core.diagnosis.RouteEnvelope;
import io.arr502.core.gate.BuildMetrics;
import io.arr502.core.gate.GateResult;
import io.arr502.core.gate.GateOptions;
import io.arr502.core.gate.QualityGate;
import io.arr502.core.log.MinuteBucket;
import io.arr502.core.log.RequestLine;
import io.arr502.core.remediation.RemediationPlan;
import io.arr502.core.verdict.JsonOutput;
import io.arr502.core.verdict.NagiosOutput;
import io.arr502.core.verdict.TextOutput;
import io.arr502.core.verdict.Verdict;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What crosses from the agent to the controller and what a build stores (in build.xml): the verdict
 * already rendered (Nagios text, report, JSON), the few numbers the gate and the trend need, the gate's
 * outcome and the report page's tables. Lists are {@link ArrayList}s: XStream on Java 17 cannot write
 * the JDK's immutable lists without opening java.base.
 */
public final class RemoteVerdict implements Serializable {
    private static final long serialVersionUID = 2L;

    private String state;
    private int exitCode;
    private String summary;
    private String nagios;
    private String report;
    private String json;
    private long requests;
    private long count502_3;
    private double rate502_3;
    private long worstRouteOkP99;
    private boolean regression;
    /** The gate's worst criticality (NOTE, UNSTABLE, FAILURE), "" when nothing was breached. Added in 0.1.0. */
    private String gateWorst;
    private List<String> gateMessages;
    /** Added in 0.1.0: older builds show the report text only. */
    private List<RouteRow> routes;
    private List<String> findings;
    /** The window's minutes, oldest first, at most {@link #MAX_MINUTES}. Added in 0.1.0. */
    private List<MinutePoint> perMinute;
    /** The fix of each diagnosed cause, with its rollback. Added in 0.1.0: older builds show them in the report text only. */
    private List<FixPlan> plans;
    /** A few of the window's newest 502.3 lines, newest first. Added in 0.1.0. */
    private List<ExampleLine> examples;

    /** A day of minutes: enough for any post-deploy window, small enough for build.xml. */
    public static final int MAX_MINUTES = 1440;

    public RemoteVerdict(String state, int exitCode, String summary, String nagios, String report, String json, long requests,
                         long count502_3, double rate502_3, long worstRouteOkP99, boolean regression, String gateWorst,
                         List<String> gateMessages, List<RouteRow> routes, List<String> findings) {
        this.state = state;
        this.exitCode = exitCode;
        this.summary = summary;
        this.nagios = nagios;
        this.report = report;
        this.json = json;
        this.requests = requests;
        this.count502_3 = count502_3;
        this.rate502_3 = rate502_3;
        this.worstRouteOkP99 = worstRouteOkP99;
        this.regression = regression;
        this.gateWorst = gateWorst;
        this.gateMessages = gateMessages == null ? null : new ArrayList<>(gateMessages);
        this.routes = routes == null ? null : new ArrayList<>(routes);
        this.findings = findings == null ? null : new ArrayList<>(findings);
        readResolve();
    }

    public static RemoteVerdict of(Verdict v, GateResult gate) {
        return of(v, gate, List.of());
    }

    /** With the window's per-minute counts (the newest {@link #MAX_MINUTES}). */
    public static RemoteVerdict of(Verdict v, GateResult gate, List<MinuteBucket> minutes) {
        RemoteVerdict r = build(v, gate);
        for (MinuteBucket b : minutes.subList(Math.max(0, minutes.size() - MAX_MINUTES), minutes.size())) {
            r.perMinute.add(new MinutePoint(b.minute().getEpochSecond(), b.requests(), b.count502_3()));
        }
        return r;
    }

    private static RemoteVerdict build(Verdict v, GateResult gate) {
        boolean regression = v.diagnosis() != null && v.diagnosis().regression() != null && v.diagnosis().regression().regression();
        List<RouteRow> routes = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        List<FixPlan> plans = new ArrayList<>();
        if (v.diagnosis() != null) {
            for (RouteEnvelope e : v.diagnosis().envelopes()) {
                routes.add(RouteRow.of(e));
            }
            for (Finding f : v.diagnosis().findings()) {
                findings.add(f.headline());
                f.evidence().forEach(e -> findings.add("  " + e));
            }
        }
        for (RemediationPlan p : v.remediation() == null ? List.<RemediationPlan>of() : v.remediation()) {
            plans.add(FixPlan.of(p));
        }
        RemoteVerdict r = new RemoteVerdict(v.state().name(), v.state().exitCode(), v.summary(), NagiosOutput.render(v), TextOutput.render(v),
                JsonOutput.render(v), v.metrics().requests(), v.metrics().count502_3(), v.metrics().rate502_3(),
                QualityGate.worstRouteOkP99(v, GateOptions.DEFAULT_MIN_REQUESTS), regression,
                gate.worst() == null ? "" : gate.worst().name(), gate.messages(), routes, findings);
        r.plans.addAll(plans);
        return r;
    }

    /** XStream sets fields directly, skipping constructor and initialisers: old or partial data gets its defaults here. */
    Object readResolve() {
        state = state == null || state.isBlank() ? "UNKNOWN" : state;
        summary = summary == null ? "" : summary;
        nagios = nagios == null ? "" : nagios;
        report = report == null ? "" : report;
        json = json == null ? "" : json;
        gateMessages = gateMessages == null ? new ArrayList<>() : gateMessages;
        gateWorst = gateWorst == null ? legacyGateWorst(gateMessages) : gateWorst;
        routes = routes == null ? new ArrayList<>() : routes;
        findings = findings == null ? new ArrayList<>() : findings;
        perMinute = perMinute == null ? new ArrayList<>() : perMinute;
        plans = plans == null ? new ArrayList<>() : plans;
        examples = examples == null ? new ArrayList<>() : examples;
        return this;
    }

    /** Builds before 0.1.0 put "gate: UNSTABLE" first among the messages instead of a field. */
    private static String legacyGateWorst(List<String> messages) {
        if (!messages.isEmpty() && messages.get(0).startsWith("gate: ")) {
            return messages.get(0).substring("gate: ".length()).trim();
        }
        return "";
    }

    /** This build's numbers for the next build's baseline and the job trend. */
    public BuildMetrics metrics(int build, String result) {
        return new BuildMetrics(build, result, requests, count502_3, rate502_3, worstRouteOkP99);
    }

    public String getState() { return state; }
    public int getExitCode() { return exitCode; }
    public String getSummary() { return summary; }
    public String getNagios() { return nagios; }
    public String getReport() { return report; }
    public String getJson() { return json; }
    public long getRequests() { return requests; }
    public long getCount502_3() { return count502_3; }
    public double getRate502_3() { return rate502_3; }
    public long getWorstRouteOkP99() { return worstRouteOkP99; }
    public boolean isRegression() { return regression; }
    public String getGateWorst() { return gateWorst; }
    public List<String> getGateMessages() { return List.copyOf(gateMessages); }
    public List<RouteRow> getRoutes() { return List.copyOf(routes); }
    public List<String> getFindings() { return List.copyOf(findings); }
    public List<MinutePoint> getPerMinute() { return List.copyOf(perMinute); }
    public List<FixPlan> getPlans() { return List.copyOf(plans); }
    public List<ExampleLine> getExamples() { return List.copyOf(examples); }

    /** This verdict with the window's example 502.3 lines (core keeps a few, newest first). */
    public RemoteVerdict withExamples(List<RequestLine> lines) {
        for (RequestLine l : lines == null ? List.<RequestLine>of() : lines) {
            examples.add(ExampleLine.of(l));
        }
        return this;
    }

    /**
     * The chart's data as JSON ({@code {"minutes":["2026-11-25T10:00Z",…],"requests":[…],"count502_3":[…]}}):
     * only times and numbers, read by minutes.js from a data attribute (no inline script).
     */
    public String getMinutesJson() {
        StringBuilder t = new StringBuilder();
        StringBuilder req = new StringBuilder();
        StringBuilder bad = new StringBuilder();
        for (MinutePoint p : perMinute) {
            String sep = t.length() == 0 ? "" : ",";
            t.append(sep).append('"').append(java.time.Instant.ofEpochSecond(p.getEpochSecond()).toString(), 0, 16).append("Z\"");
            req.append(sep).append(p.getRequests());
            bad.append(sep).append(p.getCount502_3());
        }
        return "{\"minutes\":[" + t + "],\"requests\":[" + req + "],\"count502_3\":[" + bad + "]}";
    }
}
