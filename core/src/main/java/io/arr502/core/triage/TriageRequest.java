package io.arr502.core.triage;

import io.arr502.core.log.Window;
import io.arr502.core.verdict.VerdictOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which evidence to gather and how to judge it. Every source is optional; triage judges the subset given.
 *
 * @param logs         IIS W3C log files or folders
 * @param window       which requests count
 * @param now          the clock for "last N minutes" (null: now)
 * @param stateFile    incremental log state, null for a one-off read
 * @param freb         FailedReqLogFiles folder or one fr*.xml
 * @param config       applicationHost.config, appcmd output, or a folder of them
 * @param probes       probe targets (https://host/health, tcp://host:443, tls://host:443)
 * @param probeTimeout each probe's own deadline
 * @param evidenceDir  a folder written by check-scripts/Collect-All.ps1
 */
public record TriageRequest(
        List<Path> logs,
        Window window,
        Instant now,
        Path stateFile,
        Path freb,
        Path config,
        List<String> probes,
        Duration probeTimeout,
        Path evidenceDir,
        VerdictOptions verdict,
        io.arr502.core.diagnosis.DiagnosisOptions diagnosis) {

    public TriageRequest {
        logs = logs == null ? List.of() : List.copyOf(logs);
        probes = probes == null ? List.of() : List.copyOf(probes);
        window = window == null ? Window.all() : window;
        verdict = verdict == null ? VerdictOptions.defaults() : verdict;
        probeTimeout = probeTimeout == null ? Duration.ofSeconds(5) : probeTimeout;
        diagnosis = diagnosis == null ? io.arr502.core.diagnosis.DiagnosisOptions.defaults() : diagnosis;
    }

    public static TriageRequest ofLogs(List<Path> logs, Window window) {
        return new TriageRequest(logs, window, null, null, null, null, List.of(), null, null, null, null);
    }
}
