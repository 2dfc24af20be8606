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
 * @param probeUser    basic-auth user for HTTP probes (the Jenkins plugin takes it from the Credentials plugin), or null
 * @param probePassword its password; never logged
 * @param readDeadline no log data is read after this instant (null: no limit); see {@link io.arr502.core.log.LogRequest}
 * @param scope        which routes and sites are judged ({@link Scope#ALL} when null)
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
        io.arr502.core.diagnosis.DiagnosisOptions diagnosis,
        String probeUser,
        char[] probePassword,
        Instant readDeadline,
        Scope scope) {

    public TriageRequest {
        scope = scope == null ? Scope.ALL : scope;
        logs = logs == null ? List.of() : List.copyOf(logs);
        probes = probes == null ? List.of() : List.copyOf(probes);
        window = window == null ? Window.all() : window;
        verdict = verdict == null ? VerdictOptions.defaults() : verdict;
        probeTimeout = probeTimeout == null ? Duration.ofSeconds(5) : probeTimeout;
        diagnosis = diagnosis == null ? io.arr502.core.diagnosis.DiagnosisOptions.defaults() : diagnosis;
    }

    /** Every route and site. */
    public TriageRequest(List<Path> logs, Window window, Instant now, Path stateFile, Path freb, Path config, List<String> probes,
                         Duration probeTimeout, Path evidenceDir, VerdictOptions verdict,
                         io.arr502.core.diagnosis.DiagnosisOptions diagnosis, String probeUser, char[] probePassword, Instant readDeadline) {
        this(logs, window, now, stateFile, freb, config, probes, probeTimeout, evidenceDir, verdict, diagnosis, probeUser, probePassword,
                readDeadline, Scope.ALL);
    }

    /** The same request, judging only the routes and sites {@code s} chooses. */
    public TriageRequest withScope(Scope s) {
        return new TriageRequest(logs, window, now, stateFile, freb, config, probes, probeTimeout, evidenceDir, verdict, diagnosis,
                probeUser, probePassword, readDeadline, s);
    }

    /** Without a read deadline. */
    public TriageRequest(List<Path> logs, Window window, Instant now, Path stateFile, Path freb, Path config, List<String> probes,
                         Duration probeTimeout, Path evidenceDir, VerdictOptions verdict,
                         io.arr502.core.diagnosis.DiagnosisOptions diagnosis, String probeUser, char[] probePassword) {
        this(logs, window, now, stateFile, freb, config, probes, probeTimeout, evidenceDir, verdict, diagnosis, probeUser, probePassword,
                null);
    }

    /** The same request, reading no log data after {@code at} (a check's own deadline, less the time it needs to answer). */
    public TriageRequest withReadDeadline(Instant at) {
        return new TriageRequest(logs, window, now, stateFile, freb, config, probes, probeTimeout, evidenceDir, verdict, diagnosis,
                probeUser, probePassword, at, scope);
    }

    /** Without probe credentials (the check and most callers). */
    public TriageRequest(List<Path> logs, Window window, Instant now, Path stateFile, Path freb, Path config, List<String> probes,
                         Duration probeTimeout, Path evidenceDir, VerdictOptions verdict,
                         io.arr502.core.diagnosis.DiagnosisOptions diagnosis) {
        this(logs, window, now, stateFile, freb, config, probes, probeTimeout, evidenceDir, verdict, diagnosis, null, null, null);
    }

    @Override
    public String toString() {
        return "TriageRequest[logs=" + logs + ", window=" + window + ", freb=" + freb + ", config=" + config + ", probes=" + probes
                + ", evidenceDir=" + evidenceDir + (probeUser != null ? ", probeUser=" + probeUser + " (password hidden)" : "") + "]";
    }

    public static TriageRequest ofLogs(List<Path> logs, Window window) {
        return new TriageRequest(logs, window, null, null, null, null, List.of(), null, null, null, null);
    }
}
