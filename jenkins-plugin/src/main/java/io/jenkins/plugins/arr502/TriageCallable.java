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
import io.arr502.core.triage.TriageRequest;
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

    @Override
    public RemoteVerdict invoke(File workspace, VirtualChannel channel) {
        Path ws = workspace.toPath();
        List<Path> logPaths = new ArrayList<>();
        for (String l : logs) {
            logPaths.add(ws.resolve(l));
        }
        DiagnosisOptions d = DiagnosisOptions.defaults();
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
                w.kind() == Window.Kind.ALL ? "all" : window, false);
        TriageRequest request = new TriageRequest(logPaths, w, null, blank(stateFile) ? null : ws.resolve(stateFile),
                blank(freb) ? null : ws.resolve(freb), blank(config) ? null : ws.resolve(config), urls, null, collected, vo, d, probeUser,
                probePassword, readDeadlineMillis > 0 ? Instant.ofEpochMilli(readDeadlineMillis) : null);
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
