package io.arr502.check;

import io.arr502.core.collect.CommandRunner;
import io.arr502.core.diagnosis.Diagnoser;
import io.arr502.core.diagnosis.Diagnosis;
import io.arr502.core.diagnosis.RegressionSettings;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.log.Window;
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
import java.util.ArrayList;
import java.util.List;

@Command(name = "remediate", description = "Print the fix for the diagnosed cause with its rollback; with --apply run it, "
        + "verify for the recovery window, and roll back automatically if verification fails.",
        versionProvider = CheckArr502.Version.class, addMethodSubcommands = false, exitCodeOnUsageHelp = 3, exitCodeOnVersionHelp = 3, exitCodeOnInvalidInput = 3)
final class RemediateCommand extends ModeCommand {

    @Mixin
    EvidenceOptions sources;

    @Mixin
    PollOptions poll;





    @Option(names = "--apply", description = "Run the plan (default: only print it).")
    boolean apply;

    @Option(names = "--plan", paramLabel = "N", defaultValue = "1", description = "Which plan to apply, 1 = the first listed (default: ${DEFAULT-VALUE}).")
    int planNumber;

    @Option(names = "--appcmd", paramLabel = "PATH", description = "appcmd to run instead of %%windir%%\\system32\\inetsrv\\appcmd.exe.")
    Path appcmd;




    @Override
    int deadlineSeconds() {
        return apply ? (int) Math.max(common.timeoutSeconds, poll.deadline().toSeconds() + 120) : common.timeoutSeconds;
    }

    @Override
    Verdict verdict() throws Exception {
        Window w = common.parsedWindow();
        TriageRequest req = new TriageRequest(sources.logs, w, common.parsedNow(), null, sources.freb, sources.config, sources.urls, null, null,
                common.verdictOptions(), common.diagnosisOptions());
        Evidence ev = Triage.gather(req);
        Diagnosis d = Diagnoser.diagnose(ev, req.diagnosis());
        List<RemediationPlan> plans = RemediationPlanner.plan(d, ev);
        Verdict judged = VerdictBuilder.build(ev, req.verdict(), d, plans);
        if (!apply || judged.state() == State.UNKNOWN) {
            return judged;
        }
        if (planNumber < 1 || planNumber > plans.size()) {
            throw new IllegalArgumentException("--plan " + planNumber + ": there are " + plans.size() + " plan(s)");
        }
        RemediationPlan plan = plans.get(planNumber - 1);
        Duration rec = poll.recovery();
        VerifyOptions vo = new VerifyOptions(rec, poll.deadline(), poll.interval(),
                req.diagnosis().baseline(), RegressionSettings.defaults(), req.verdict().warning().end());
        List<String> log = new ArrayList<>();
        RemediationExecutor.Outcome o = RemediationExecutor.apply(plan,
                RemediationExecutor.commands(new CommandRunner(Duration.ofSeconds(60), 1 << 20), appcmd),
                () -> Verifier.verify(() -> Triage.gather(new TriageRequest(sources.logs, Window.last(rec), null, null, null, sources.config, sources.urls,
                        null, null, req.verdict(), null)), vo, Clock.systemUTC(), dd -> Thread.sleep(dd.toMillis())).passed(),
                log::add);
        State s = o.applied() ? State.OK : State.CRITICAL;
        return new Verdict(s, (o.applied() ? "applied and verified: " : "rolled back (" + o.reason() + "): ") + plan.title(),
                judged.perfdata(), log, judged.metrics(), judged.malformedLines(), d, List.of(plan), judged.problems());
    }
}
