package io.arr502.check;

import io.arr502.core.config.ArrConfig;
import io.arr502.core.diagnosis.Diagnoser;
import io.arr502.core.diagnosis.Diagnosis;
import io.arr502.core.diagnosis.RegressionSettings;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.log.Window;
import io.arr502.core.remediation.AppcmdProcess;
import io.arr502.core.remediation.Journal;
import io.arr502.core.remediation.RemediationExecutor;
import io.arr502.core.remediation.RemediationPlan;
import io.arr502.core.remediation.RemediationPlanner;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import io.arr502.core.verdict.State;
import io.arr502.core.verdict.Verdict;
import io.arr502.core.verdict.VerdictBuilder;
import io.arr502.core.verify.Verifier;
import io.arr502.core.verify.VerifyOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

@Command(name = "remediate", description = "Print the fix for the diagnosed cause with its rollback; with --apply run it after pre-flight checks "
        + "and a backup, verify against the live configuration for the recovery window, and roll back what ran if verification fails.",
        versionProvider = CheckArr502.Version.class, addMethodSubcommands = false, exitCodeOnUsageHelp = 3, exitCodeOnVersionHelp = 3, exitCodeOnInvalidInput = 3)
final class RemediateCommand extends ModeCommand {

    @Mixin
    EvidenceOptions sources;

    @Mixin
    PollOptions poll;

    @Option(names = "--apply", description = "Run the plan (default: only print it). Needs administrator rights and --config.")
    boolean apply;

    @Option(names = "--plan", paramLabel = "N", defaultValue = "1", description = "Which plan to apply, 1 = the first listed (default: ${DEFAULT-VALUE}).")
    int planNumber;

    @Option(names = "--appcmd", paramLabel = "PATH", description = "appcmd to run instead of %%windir%%\\system32\\inetsrv\\appcmd.exe.")
    Path appcmd;

    @Option(names = "--step-timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "Time budget of each appcmd call of --apply (default: ${DEFAULT-VALUE}); -t does not apply to --apply.")
    String stepTimeout;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "Where --apply records each step as it goes (default: arr502-apply-TIMESTAMP.log in the state folder).")
    Path journal;

    @Override
    int deadlineSeconds() {
        // --apply is bounded by its own budgets (each appcmd call, the verification deadline); the check's
        // deadline halts the JVM and must never fall between a change and its rollback
        return apply ? 0 : common.timeoutSeconds;
    }

    @Override
    Verdict verdict() throws Exception {
        Window w = common.parsedWindow();
        TriageRequest req = new TriageRequest(sources.logs, w, common.parsedNow(), null, sources.freb, sources.config, sources.urls, null, null,
                common.verdictOptions(), common.diagnosisOptions()).withScope(common.scope());
        Evidence ev = Triage.gather(req);
        Diagnosis d = Diagnoser.diagnose(ev, req.diagnosis());
        // --apply takes its backup under the time it runs, so a second run never meets the first one's name
        List<RemediationPlan> plans = apply ? RemediationPlanner.plan(d, ev, Clock.systemUTC()) : RemediationPlanner.plan(d, ev);
        Verdict judged = VerdictBuilder.build(ev, req.verdict(), d, plans);
        if (!apply || judged.state() == State.UNKNOWN) {
            return judged;
        }
        if (sources.config == null) {
            return Verdict.unknown("--apply refused: without --config there is no configuration to build a safe plan from; nothing was changed");
        }
        if (planNumber < 1 || planNumber > plans.size()) {
            throw new IllegalArgumentException("--plan " + planNumber + ": there are " + plans.size() + " plan(s)");
        }
        Duration budget = Window.parseDuration(stepTimeout);
        if (budget.isZero() || budget.isNegative()) {
            throw new IllegalArgumentException("--step-timeout must be positive");
        }
        RemediationPlan plan = plans.get(planNumber - 1);
        Duration rec = poll.recovery();
        VerifyOptions vo = new VerifyOptions(rec, poll.deadline(), poll.interval(),
                req.diagnosis().baseline(), RegressionSettings.defaults(), req.verdict().warning().end(), common.minRequests,
                req.verdict().judgeClientAborts());
        Path journalFile = journal != null ? journal : (common.stateDir != null ? common.stateDir : StateFiles.defaultDir()).resolve("arr502-apply-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(java.time.Instant.now()) + ".log");
        List<String> log = new ArrayList<>();
        RemediationExecutor.Outcome o;
        try (Journal j = Journal.open(journalFile, log::add, Clock.systemUTC())) {
            o = RemediationExecutor.apply(plan, appcmd != null ? new AppcmdProcess(appcmd) : AppcmdProcess.standard(), budget,
                    live -> Verifier.verify(() -> withConfig(Triage.gather(new TriageRequest(sources.logs, Window.last(rec), null, null, null, null,
                            sources.urls, null, null, req.verdict(), null).withScope(req.scope())), live), vo, Clock.systemUTC(), dd -> Thread.sleep(dd.toMillis())), j);
        }
        State s = switch (o.result()) {
            case APPLIED -> State.OK;
            case REFUSED -> State.UNKNOWN;
            case ROLLED_BACK, RESTORED_FROM_BACKUP -> o.verification() != null
                    && o.verification().outcome() == io.arr502.core.verify.VerificationResult.Outcome.UNKNOWN ? State.UNKNOWN : State.CRITICAL;
            case NEEDS_MANUAL_RESTORE -> State.CRITICAL;
        };
        return new Verdict(s, o.reason() + ": " + plan.title(), judged.perfdata(), log, judged.metrics(), judged.malformedLines(), d,
                List.of(plan), judged.problems());
    }

    /** Verification judges routes against the configuration as it is now, not the copy the plan was made from. */
    private static Evidence withConfig(Evidence ev, ArrConfig live) {
        return new Evidence(ev.logs(), ev.freb(), live, ev.probes(), ev.collected(), ev.problems());
    }
}
