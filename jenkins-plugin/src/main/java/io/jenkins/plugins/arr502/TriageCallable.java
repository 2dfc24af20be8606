package io.jenkins.plugins.arr502;

import hudson.remoting.VirtualChannel;
import io.arr502.core.collect.CollectorRunner;
import io.arr502.core.diagnosis.Baseline;
import io.arr502.core.diagnosis.DiagnosisOptions;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.gate.GateOptions;
import io.arr502.core.gate.GateResult;
import io.arr502.core.gate.GateThreshold;
import io.arr502.core.gate.QualityGate;
import io.arr502.core.log.Window;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.Scope;
import io.arr502.core.triage.TriageRequest;
import io.arr502.core.verdict.State;
import io.arr502.core.verdict.MetricKind;
import io.arr502.core.verdict.Range;
import io.arr502.core.verdict.Verdict;
import io.arr502.core.verdict.VerdictOptions;
import io.jenkins.plugins.arr502.data.RemoteVerdict;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the whole triage on the agent that holds the IIS logs (relative paths resolve against the
 * workspace) and sends back only the rendered verdict: no log bytes cross the channel.
 */
final class TriageCallable extends MasterToSlaveFileCallable<RemoteVerdict> {
    private static final long serialVersionUID = 1L;

    private final List<String> logs;
    private final String freb;
    private final String config;
    private final List<String> urls;
    private final String window;
    private final String warning;
    private final String critical;
    private final String gate;
    private final GateOptions gateOptions;
    private final long baselineRequests;
    private final long baseline502_3;
    private final String baselineSource;
    private final String probeUser;
    private final char[] probePassword;
    private final String collectScripts;
    private final String stateFile;
    private final long readDeadlineMillis;
    // plain strings and lists cross the channel; core's Scope and Duration are built on the agent
    private ArrayList<String> includeRoutes = new ArrayList<>();
    private ArrayList<String> excludeRoutes = new ArrayList<>();
    private ArrayList<String> includeSites = new ArrayList<>();
    private ArrayList<String> excludeSites = new ArrayList<>();
    private String silence = Arr502Check.DEFAULT_SILENCE;
    private String silenceState = Arr502Check.DEFAULT_SILENCE_STATE;
    private boolean judgeClientAborts;

    /**
     * @param probeUser          basic-auth user for probes (from the Credentials plugin), or null
     * @param collectScripts     folder with check-scripts on a Windows agent: run Collect-All.ps1 first; empty = don't collect
     * @param stateFile          incremental state on the agent (relative to the callable's folder), so a periodic cycle
     *                           reads only new bytes; empty = read the window in full
     * @param readDeadlineMillis epoch millis after which no log data is read (the periodic check's per-agent deadline); 0 = none
     */
    TriageCallable(List<String> logs, String freb, String config, List<String> urls, String window, String warning,
                   String critical, String gate, GateOptions gateOptions, Baseline baseline, String probeUser, char[] probePassword,
                   String collectScripts, String stateFile, long readDeadlineMillis) {
        this.logs = List.copyOf(logs);
        this.freb = freb;
        this.config = config;
        this.urls = List.copyOf(urls);
        this.window = window;
        this.warning = warning;
        this.critical = critical;
        this.gate = gate;
        this.gateOptions = gateOptions;
        this.baselineRequests = baseline == null ? -1 : baseline.requests();
        this.baseline502_3 = baseline == null ? -1 : baseline.count502_3();
        this.baselineSource = baseline == null ? null : baseline.source();
        this.probeUser = probeUser;
        this.probePassword = probePassword;
        this.collectScripts = collectScripts == null ? "" : collectScripts;
        this.stateFile = stateFile == null ? "" : stateFile;
        this.readDeadlineMillis = readDeadlineMillis;
    }

    /** Route and site filters, as the check's --include-route/--exclude-route/--include-site/--exclude-site. */
    TriageCallable withScope(List<String> includeRoutes, List<String> excludeRoutes, List<String> includeSites, List<String> excludeSites) {
        this.includeRoutes = new ArrayList<>(includeRoutes);
        this.excludeRoutes = new ArrayList<>(excludeRoutes);
        this.includeSites = new ArrayList<>(includeSites);
        this.excludeSites = new ArrayList<>(excludeSites);
        return this;
    }

    /** Silence after (a duration or "off") and its state, as the check's --silence and --silence-state. */
    TriageCallable withSilence(String after, String state) {
        this.silence = after == null || after.isBlank() ? Arr502Check.DEFAULT_SILENCE : after.trim();
        this.silenceState = state == null || state.isBlank() ? Arr502Check.DEFAULT_SILENCE_STATE : state.trim();
        return this;
    }

    /** Client aborts counted in the judged 502.3 rate and the baseline test, as the check's --judge-client-aborts. */
    TriageCallable withClientAbortsJudged(boolean judge) {
        this.judgeClientAborts = judge;
        return this;
    }

    static Scope scope(List<String> includeRoutes, List<String> excludeRoutes, List<String> includeSites, List<String> excludeSites) {
        return new Scope(includeRoutes, excludeRoutes, includeSites, excludeSites);
    }

    /** The silence duration, or null for "off"; a bad value is an IllegalArgumentException with core's reason. */
    static Duration silence(String s) {
        String v = s == null ? "" : s.trim();
        return v.equalsIgnoreCase("off") ? null : Window.parseDuration(v);
    }

    static State silenceState(String s) {
        try {
            return State.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("silence state must be OK, WARNING, CRITICAL or UNKNOWN, not '" + s + "'");
        }
    }

    @Override
    public RemoteVerdict invoke(File workspace, VirtualChannel channel) {
        Path ws = workspace.toPath();
        List<Path> logPaths = new ArrayList<>();
        for (String l : logs) {
            logPaths.add(ws.resolve(l));
        }
        DiagnosisOptions d = DiagnosisOptions.defaults().withClientAbortsJudged(judgeClientAborts);
        if (baselineRequests >= 0) {
            d = d.withBaseline(new Baseline(baselineRequests, baseline502_3, baselineSource));
        }
        Path collected = null;
        if (!blank(collectScripts)) {
            // on a Windows agent: the runbook's commands through check-scripts, into the workspace
            Path out = ws.resolve("arr502-evidence");
            CollectorRunner.Outcome o = CollectorRunner.collect(ws.resolve(collectScripts), out, Duration.ofSeconds(90));
            if (o.failure() != null) {
                Verdict unknown = Verdict.unknown("collection failed: " + o.failure());
                return RemoteVerdict.of(unknown, QualityGate.evaluate(unknown, List.of(), gateOptions));
            }
            collected = out;
        }
        Window w = Window.parse(window);
        VerdictOptions vo = new VerdictOptions(Range.parse(warning), Range.parse(critical), MetricKind.RATE, gateOptions.minRequests(),
                w.kind() == Window.Kind.ALL ? "all" : window, false)
                .withSilence(silence(silence), silenceState(silenceState)).withClientAbortsJudged(judgeClientAborts);
        TriageRequest request = new TriageRequest(logPaths, w, null, blank(stateFile) ? null : ws.resolve(stateFile),
                blank(freb) ? null : ws.resolve(freb), blank(config) ? null : ws.resolve(config), urls, null, collected, vo, d, probeUser,
                probePassword, readDeadlineMillis > 0 ? Instant.ofEpochMilli(readDeadlineMillis) : null)
                .withScope(scope(includeRoutes, excludeRoutes, includeSites, excludeSites));
        Evidence evidence = Triage.gather(request);
        Verdict v = Triage.judge(evidence, request);
        GateResult g = QualityGate.evaluate(v, GateThreshold.parse(gate), gateOptions);
        return evidence.logs() == null ? RemoteVerdict.of(v, g)
                : RemoteVerdict.of(v, g, evidence.logs().perMinute()).withExamples(evidence.logs().failedExamples());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
