package io.arr502.check;

import io.arr502.core.diagnosis.RegressionSettings;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.log.Window;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import io.arr502.core.verdict.Perfdata;
import io.arr502.core.verdict.State;
import io.arr502.core.verdict.Verdict;
import io.arr502.core.verdict.VerdictBuilder;
import io.arr502.core.verify.VerificationResult;
import io.arr502.core.verify.Verifier;
import io.arr502.core.verify.VerifyOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

@Command(name = "verify", description = "Post-change acceptance: 502.3 rate back to baseline, latency inside the timeout envelope, "
        + "probes green, for the whole recovery window (polls until the deadline).",
        mixinStandardHelpOptions = true, exitCodeOnUsageHelp = 3, exitCodeOnVersionHelp = 3, exitCodeOnInvalidInput = 3)
final class VerifyCommand extends ModeCommand {

    @Option(names = "--logs", paramLabel = "PATH", description = "IIS W3C log file or folder (repeatable).")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--config", paramLabel = "PATH", description = "Configuration, for each route's effective timeout.")
    Path config;

    @Option(names = "--url", paramLabel = "TARGET", description = "Synthetic probe (e.g. https://host/api/slow-endpoint); repeatable.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--recovery", paramLabel = "DURATION", defaultValue = "5m", description = "Every poll must pass for this long (default: ${DEFAULT-VALUE}).")
    String recovery;

    @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "15m", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    String deadline;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s", description = "Time between polls (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--max-rate", paramLabel = "PERCENT", defaultValue = "1", description = "Without --baseline: highest acceptable 502.3 rate (default: ${DEFAULT-VALUE}).")
    double maxRate;

    @Override
    int deadlineSeconds() {
        // verification waits by design: its own deadline plus a margin replaces the check's -t
        return (int) Math.max(common.timeoutSeconds, Window.parseDuration(deadline).toSeconds() + 30);
    }

    @Override
    Verdict verdict() throws Exception {
        Duration rec = Window.parseDuration(recovery);
        VerifyOptions opt = new VerifyOptions(rec, Window.parseDuration(deadline), Window.parseDuration(interval),
                common.diagnosisOptions().baseline(), RegressionSettings.defaults(), maxRate);
        if (logs.isEmpty() && urls.isEmpty()) {
            throw new IllegalArgumentException("verify needs --logs and/or --url");
        }
        Evidence[] last = new Evidence[1];
        VerificationResult r = Verifier.verify(() -> {
            TriageRequest req = new TriageRequest(logs, Window.last(rec), null, null, null, config, urls, null, null,
                    common.verdictOptions(), null);
            last[0] = Triage.gather(req);
            return last[0];
        }, opt, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
        Verdict base = VerdictBuilder.build(last[0], common.verdictOptions(), null, List.of());
        List<String> lines = new ArrayList<>(r.history());
        lines.addAll(base.longOutput());
        List<Perfdata> perf = new ArrayList<>(base.perfdata());
        perf.add(Perfdata.of("verify_polls", r.polls(), null));
        State s = r.passed() ? State.OK : State.CRITICAL;
        String summary = r.passed()
                ? "verified: every poll passed for " + recovery + " (" + r.polls() + " polls)"
                : "verification failed: " + r.failedCriterion();
        return new Verdict(s, summary, perf, lines, base.metrics(), base.malformedLines(), null, List.of(), base.problems());
    }
}
