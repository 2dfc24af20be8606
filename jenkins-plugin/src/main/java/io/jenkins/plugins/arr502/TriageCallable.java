package io.jenkins.plugins.arr502;

import hudson.remoting.VirtualChannel;
import io.arr502.core.diagnosis.Baseline;
import io.arr502.core.diagnosis.DiagnosisOptions;
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
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.nio.file.Path;
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
    private final long baselineRequests;
    private final long baseline502_3;
    private final String baselineSource;

    TriageCallable(List<String> logs, String freb, String config, List<String> urls, String window, String warning,
                   String critical, String gate, Baseline baseline) {
        this.logs = List.copyOf(logs);
        this.freb = freb;
        this.config = config;
        this.urls = List.copyOf(urls);
        this.window = window;
        this.warning = warning;
        this.critical = critical;
        this.gate = gate;
        this.baselineRequests = baseline == null ? -1 : baseline.requests();
        this.baseline502_3 = baseline == null ? -1 : baseline.count502_3();
        this.baselineSource = baseline == null ? null : baseline.source();
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
        Window w = Window.parse(window);
        VerdictOptions vo = new VerdictOptions(Range.parse(warning), Range.parse(critical), MetricKind.RATE, 20,
                w.kind() == Window.Kind.ALL ? "all" : window, false);
        Verdict v = Triage.run(new TriageRequest(logPaths, w, null, null, blank(freb) ? null : ws.resolve(freb),
                blank(config) ? null : ws.resolve(config), urls, null, null, vo, d));
        GateResult g = QualityGate.evaluate(v, GateThreshold.parse(gate));
        List<String> messages = new ArrayList<>(g.messages());
        if (g.worst() != null) {
            messages.add(0, "gate: " + g.worst());
        }
        return RemoteVerdict.of(v, messages);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
