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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

@Command(name = "verify", description = "Post-change acceptance: 502.3 rate back to baseline, latency inside the timeout envelope, "
        + "probes green, for the whole recovery window (polls until the deadline).",
        versionProvider = CheckArr502.Version.class, addMethodSubcommands = false, exitCodeOnUsageHelp = 3, exitCodeOnVersionHelp = 3, exitCodeOnInvalidInput = 3)
final class VerifyCommand extends ModeCommand {

    @Mixin
    EvidenceOptions sources;

    @Mixin
    PollOptions poll;







    @Option(names = "--max-rate", paramLabel = "PERCENT", defaultValue = "1", description = "Without --baseline: highest acceptable 502.3 rate (default: ${DEFAULT-VALUE}).")
    double maxRate;

    @Override
    int deadlineSeconds() {
        // verification waits by design: its own deadline plus a margin replaces the check's -t
        return (int) Math.max(common.timeoutSeconds, poll.deadline().toSeconds() + 30);
    }

    @Override
    Verdict verdict() throws Exception {
        Duration rec = poll.recovery();
        VerifyOptions opt = new VerifyOptions(rec, poll.deadline(), poll.interval(),
                common.diagnosisOptions().baseline(), RegressionSettings.defaults(), maxRate, common.minRequests, common.judgeClientAborts);
        if (sources.logs.isEmpty() && sources.urls.isEmpty()) {
            throw new IllegalArgumentException("verify needs --logs and/or --url");
        }
        Evidence[] last = new Evidence[1];
        VerificationResult r = Verifier.verify(() -> {
            TriageRequest req = new TriageRequest(sources.logs, Window.last(rec), null, null, sources.freb, sources.config, sources.urls, null, null,
                    common.verdictOptions(), null).withScope(common.scope());
            last[0] = Triage.gather(req);
            return last[0];
        }, opt, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
        Verdict base = VerdictBuilder.build(last[0], common.verdictOptions(), null, List.of());
        List<String> lines = new ArrayList<>(r.history());
        lines.addAll(base.longOutput());
        List<Perfdata> perf = new ArrayList<>(base.perfdata());
        perf.add(Perfdata.of("verify_polls", r.polls(), null));
        State s = switch (r.outcome()) {
            case PASSED -> State.OK;
            case FAILED -> State.CRITICAL;
            case UNKNOWN -> State.UNKNOWN; // no requests in the window and no probe: nothing says the change worked
        };
        String summary = switch (r.outcome()) {
            case PASSED -> "verified: every poll passed for " + poll.recovery + " (" + r.polls() + " polls)";
            case FAILED -> "verification failed: " + r.failedCriterion();
            case UNKNOWN -> "cannot verify: " + r.failedCriterion();
        };
        return new Verdict(s, summary, perf, lines, base.metrics(), base.malformedLines(), null, List.of(), base.problems());
    }
}
