package io.arr502.check;

import io.arr502.core.log.Window;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import io.arr502.core.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

@Command(name = "logs", description = "Judge the 502.3 rate in IIS W3C logs (u_ex*.log files or W3SVC folders).",
        versionProvider = CheckArr502.Version.class, addMethodSubcommands = false, exitCodeOnUsageHelp = 3, exitCodeOnVersionHelp = 3, exitCodeOnInvalidInput = 3)
final class LogsCommand extends ModeCommand {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Log files or folders (e.g. C:\\inetpub\\logs\\LogFiles\\W3SVC1).")
    List<Path> paths;

    @Override
    Verdict verdict() throws Exception {
        Window w = common.parsedWindow();
        TriageRequest req = new TriageRequest(paths, w, common.parsedNow(), StateFiles.forInputs(common, paths, w),
                null, null, List.of(), null, null, common.verdictOptions(), common.diagnosisOptions()).withReadDeadline(readDeadline())
                .withScope(common.scope());
        return Triage.run(req);
    }
}
