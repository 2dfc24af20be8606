package io.arr502.check;

import io.arr502.core.collect.CollectorRunner;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.evidence.EvidenceProblem;
import io.arr502.core.log.Window;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import io.arr502.core.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "collect", description = "Run the PowerShell collectors on this IIS host (Windows) into an evidence folder, then judge it.",
        versionProvider = CheckArr502.Version.class, addMethodSubcommands = false, exitCodeOnUsageHelp = 3, exitCodeOnVersionHelp = 3, exitCodeOnInvalidInput = 3)
final class CollectCommand extends ModeCommand {

    @Option(names = "--scripts", paramLabel = "DIR", defaultValue = "check-scripts", description = "Folder holding Collect-All.ps1 (default: ${DEFAULT-VALUE}).")
    Path scripts;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Evidence folder to write.")
    Path out;

    @Option(names = "--budget", paramLabel = "DURATION", defaultValue = "60s", description = "Time budget for all collectors (default: ${DEFAULT-VALUE}).")
    String budget;

    @Option(names = "--logs", paramLabel = "PATH", description = "IIS log file or folder to judge with the collected evidence (repeatable).")
    List<Path> logs = new ArrayList<>();

    @Override
    int deadlineSeconds() {
        return (int) Math.max(common.timeoutSeconds, Window.parseDuration(budget).toSeconds() + 30);
    }

    @Override
    Verdict verdict() throws Exception {
        CollectorRunner.Outcome o = CollectorRunner.collect(scripts, out, Window.parseDuration(budget));
        if (o.failure() != null) {
            return Verdict.unknown(o.failure());
        }
        Window w = common.parsedWindow();
        TriageRequest req = new TriageRequest(logs, w, common.parsedNow(), StateFiles.forInputs(common, logs, w), null, null,
                List.of(), null, out, common.verdictOptions(), common.diagnosisOptions()).withReadDeadline(readDeadline());
        Evidence ev = Triage.gather(req);
        List<EvidenceProblem> p = ev.problems();
        return Triage.judge(new Evidence(ev.logs(), ev.freb(), ev.config(), ev.probes(), ev.collected(), p), req);
    }
}
