package io.arr502.check;

import io.arr502.core.log.Window;
import io.arr502.core.verdict.MetricKind;
import io.arr502.core.verdict.Range;
import io.arr502.core.verdict.State;
import io.arr502.core.verdict.VerdictOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;

/** The Monitoring Plugins guideline options every mode shares. */
final class CommonOptions {

    // picocli's own -h/-V, declared here rather than by mixinStandardHelpOptions: that builds a mixin
    // by reflection for every command, ~8 ms of each scheduled check
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Option(names = {"-w", "--warning"}, paramLabel = "RANGE", defaultValue = "1",
            description = "Warning range for the main metric, Nagios syntax [@][start:][end] (default: ${DEFAULT-VALUE}, i.e. above 1 %% 502.3).")
    String warning;

    @Option(names = {"-c", "--critical"}, paramLabel = "RANGE", defaultValue = "5",
            description = "Critical range for the main metric (default: ${DEFAULT-VALUE}).")
    String critical;

    @Option(names = "--metric", paramLabel = "rate|count", defaultValue = "rate",
            description = "Main metric: 502.3 rate in percent, or the absolute 502.3 count (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--judge-client-aborts",
            description = "Count client aborts (502.3 with win32 1236 or 64; 64 on a route FREB shows as the ASP.NET Core Module's is "
                    + "always counted) in the judged 502.3 rate, baseline and verification. By default they are left out and the first line says how many.")
    boolean judgeClientAborts;

    @Option(names = "--min-requests", paramLabel = "N", defaultValue = "20",
            description = "Below this many requests a rate is not judged (default: ${DEFAULT-VALUE}).")
    long minRequests;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = "9",
            description = "Internal deadline; keep it below the daemon's own check timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--timeout-state", paramLabel = "STATE", defaultValue = "UNKNOWN",
            description = "State to report when the deadline passes: OK, WARNING, CRITICAL or UNKNOWN (default: ${DEFAULT-VALUE}).")
    String timeoutState;

    @Option(names = "--window", paramLabel = "15m|1h|all", defaultValue = "15m",
            description = "Which requests count: the last N minutes/hours, or all (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--silence", paramLabel = "DURATION|off", defaultValue = "2h",
            description = "In a window ending now, no request logged for longer than this is silence: the site may be down or its "
                    + "logging stopped or moved. Keep it well above HTTP.sys's log buffering and your quietest hours (default: ${DEFAULT-VALUE}).")
    String silence;

    @Option(names = "--silence-state", paramLabel = "STATE", defaultValue = "WARNING",
            description = "State for silence: OK (only said), WARNING, CRITICAL or UNKNOWN (default: ${DEFAULT-VALUE}).")
    String silenceState;

    @Option(names = "--anchor", paramLabel = "now|latest", defaultValue = "now",
            description = "End of a sliding window: now, or the newest request in the logs (for old evidence).")
    String anchor;

    @Option(names = "--now", paramLabel = "ISO-8601", hidden = true, description = "Pretend it is this instant (tests, replays).")
    String now;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Folder for incremental state (default: $ARR502_STATE_DIR, %%ProgramData%%\\arr502 on Windows, /var/tmp/arr502-USER elsewhere).")
    Path stateDir;

    @Option(names = "--no-state", description = "Read the logs in full; keep no incremental state.")
    boolean noState;

    @Option(names = "--format", paramLabel = "nagios|json|text", defaultValue = "nagios",
            description = "Output: Nagios plugin output, one JSON object, or a report (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Baseline counts (JSON: requests, count502_3) to test the current window against for a regression.")
    Path baseline;

    @Option(names = "--save-baseline", paramLabel = "FILE", description = "Store this run's request and 502.3 counts as a baseline file.")
    Path saveBaseline;

    @Option(names = "--timeout-classes", paramLabel = "LIST", defaultValue = "interactive=30s,report=120s,batch=300s",
            description = "SLO timeout classes for recommendations (default: ${DEFAULT-VALUE}).")
    String timeoutClasses;

    @Option(names = "--noise-min-count", paramLabel = "N", defaultValue = "5",
            description = "A cause needs at least this many failed requests (default: ${DEFAULT-VALUE}) ...")
    long noiseMinCount;

    @Option(names = "--noise-min-rate", paramLabel = "PERCENT", defaultValue = "0.01",
            description = "... and this share of all requests, unless --baseline shows a significant rise (default: ${DEFAULT-VALUE}).")
    double noiseMinRate;

    @Option(names = "--headroom-warning", paramLabel = "PERCENT", defaultValue = "20",
            description = "Warn when a route's successful p99 leaves less than this share of its timeout (default: ${DEFAULT-VALUE}).")
    double headroomWarning;

    @Option(names = "--headroom-critical", paramLabel = "PERCENT", description = "Critical below this headroom (default: none).")
    Double headroomCritical;

    @Option(names = "--rise-warning", paramLabel = "FACTOR", defaultValue = "1.5",
            description = "With --baseline: warn on a significant rise to this factor of the baseline's 502.3 rate (default: ${DEFAULT-VALUE}).")
    double riseWarning;

    @Option(names = "--rise-critical", paramLabel = "FACTOR", description = "With --baseline: critical from this factor on (default: none).")
    Double riseCritical;

    @Option(names = "--submit", paramLabel = "icinga2", description = "Passive mode: also post the result to this system (icinga2).")
    String submit;

    @Option(names = "--api-url", paramLabel = "URL", description = "Icinga 2 API, e.g. https://icinga.example:5665.")
    String apiUrl;

    @Option(names = "--api-user", paramLabel = "USER", description = "Icinga 2 ApiUser with permission actions/process-check-result.")
    String apiUser;

    @Option(names = "--api-password-file", paramLabel = "FILE", description = "File holding the API user's password (never on the command line).")
    Path apiPasswordFile;

    @Option(names = "--api-ca", paramLabel = "PEM", description = "CA certificate of the Icinga API (default: the JDK's trust store).")
    Path apiCa;

    @Option(names = "--api-cert-name", paramLabel = "NAME", description = "Name in the API certificate when it differs from the URL host (Icinga's NodeName).")
    String apiCertName;

    @Option(names = "--api-host", paramLabel = "HOST", description = "Icinga host object (default: this machine's name).")
    String apiHost;

    @Option(names = "--api-allow-http", description = "Allow a plain http:// --api-url (the password crosses the network in clear text; for a loopback only).")
    boolean apiAllowHttp;

    @Option(names = "--api-service", paramLabel = "SERVICE", defaultValue = "arr502", description = "Icinga service object (default: ${DEFAULT-VALUE}).")
    String apiService;

    @Option(names = "--include-route", paramLabel = "PATTERN",
            description = "Judge only routes matching this glob on the normalised route (e.g. '/api/*'), or regex:RE; repeatable.")
    java.util.List<String> includeRoutes = new java.util.ArrayList<>();

    @Option(names = "--exclude-route", paramLabel = "PATTERN",
            description = "Leave out routes matching this glob or regex:RE (long polls, SignalR, health probes); repeatable, wins over --include-route.")
    java.util.List<String> excludeRoutes = new java.util.ArrayList<>();

    @Option(names = "--include-site", paramLabel = "PATTERN", description = "Judge only these log folders (W3SVC<n>, glob or regex:RE, any case); repeatable.")
    java.util.List<String> includeSites = new java.util.ArrayList<>();

    @Option(names = "--exclude-site", paramLabel = "PATTERN", description = "Leave out these log folders (W3SVC<n>); repeatable.")
    java.util.List<String> excludeSites = new java.util.ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "More detail (repeat up to 3 times).")
    boolean[] verbose = new boolean[0];

    Window parsedWindow() {
        if (window == null || window.isBlank()) {
            throw new IllegalArgumentException("--window needs a length like 15m or 1h, or all");
        }
        Window w = Window.parse(window);
        if (w.kind() == Window.Kind.LAST && w.length().toSeconds() % 60 != 0) {
            // the state keeps minutes: a 30 s window would silently count a whole minute
            throw new IllegalArgumentException("--window must be whole minutes (e.g. 1m, 15m, 1h), not '" + window + "'");
        }
        if (w.kind() == Window.Kind.LAST && anchor.equalsIgnoreCase("latest")) {
            return Window.lastBeforeNewest(w.length());
        }
        if (!anchor.equalsIgnoreCase("now") && !anchor.equalsIgnoreCase("latest")) {
            throw new IllegalArgumentException("--anchor must be now or latest, not '" + anchor + "'");
        }
        return w;
    }

    Instant parsedNow() {
        return now == null ? null : Instant.parse(now);
    }

    State parsedTimeoutState() {
        return state("--timeout-state", timeoutState);
    }

    VerdictOptions verdictOptions() {
        MetricKind kind = switch (metric.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "rate" -> MetricKind.RATE;
            case "count" -> MetricKind.COUNT;
            default -> throw new IllegalArgumentException("--metric must be rate or count, not '" + metric + "'");
        };
        if (minRequests < 0) {
            throw new IllegalArgumentException("--min-requests must not be negative");
        }
        Window w = parsedWindow();
        String label = w.kind() == Window.Kind.ALL ? "all" : window + (w.anchorLatest() ? " before the newest request" : "");
        return new VerdictOptions(Range.parse(warning), Range.parse(critical), kind, minRequests, label, false)
                .withSilence(silence.trim().equalsIgnoreCase("off") ? null : Window.parseDuration(silence), state("--silence-state", silenceState))
                .withClientAbortsJudged(judgeClientAborts);
    }

    private static State state(String option, String value) {
        try {
            return State.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " must be OK, WARNING, CRITICAL or UNKNOWN, not '" + value + "'");
        }
    }

    io.arr502.core.diagnosis.DiagnosisOptions diagnosisOptions() throws java.io.IOException {
        if (riseWarning < 1) {
            throw new IllegalArgumentException("--rise-warning must be a factor of at least 1, not " + riseWarning);
        }
        io.arr502.core.diagnosis.RegressionSettings rs = io.arr502.core.diagnosis.RegressionSettings.defaults();
        io.arr502.core.diagnosis.DiagnosisOptions d = new io.arr502.core.diagnosis.DiagnosisOptions(
                io.arr502.core.diagnosis.TimeoutClasses.parse(timeoutClasses),
                new io.arr502.core.diagnosis.RegressionSettings(rs.significance(), rs.minCount(), riseWarning), null,
                io.arr502.core.diagnosis.Thresholds.defaults().withNoiseFloor(noiseMinCount, noiseMinRate)
                        .withHeadroom(headroomWarning, headroomCritical).withRiseCritical(riseCritical), judgeClientAborts);
        return baseline == null ? d : d.withBaseline(io.arr502.core.diagnosis.BaselineStore.read(baseline));
    }

    /** The route and site filters; a bad pattern is an IllegalArgumentException with a one-line reason. */
    io.arr502.core.triage.Scope scope() {
        return new io.arr502.core.triage.Scope(includeRoutes, excludeRoutes, includeSites, excludeSites);
    }

    int verbosity() {
        return verbose.length;
    }
}
