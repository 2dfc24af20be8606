package io.arr502.check;

import io.arr502.core.log.Window;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import io.arr502.core.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

@Command(name = "triage", description = "All evidence in one verdict: logs, FREB, configuration, probes, a collected folder.",
        versionProvider = CheckArr502.Version.class, addMethodSubcommands = false, exitCodeOnUsageHelp = 3, exitCodeOnVersionHelp = 3, exitCodeOnInvalidInput = 3)
final class TriageCommand extends ModeCommand {

    @Mixin
    EvidenceOptions sources;





    @Option(names = "--probe-timeout", paramLabel = "DURATION", defaultValue = "5s", description = "Each probe's deadline (default: ${DEFAULT-VALUE}).")
    String probeTimeout;

    @Option(names = "--evidence", paramLabel = "DIR",
            description = "Evidence folder: written by check-scripts/Collect-All.ps1, or laid out like samples/incident (logs/, FailedReqLogFiles/, config/, collected/).")
    Path evidence;

    @Override
    Verdict verdict() throws Exception {
        Window w = common.parsedWindow();
        List<Path> logPaths = new ArrayList<>(sources.logs);
        Path frebPath = sources.freb;
        Path configPath = sources.config;
        Path collected = null;
        if (evidence != null) {
            if (!Files.isDirectory(evidence)) {
                throw new IllegalArgumentException("--evidence is not a folder: " + evidence);
            }
            // a sample-style evidence folder names each source by its folder
            if (logPaths.isEmpty() && Files.isDirectory(evidence.resolve("logs"))) {
                logPaths.add(evidence.resolve("logs"));
            }
            if (frebPath == null && Files.isDirectory(evidence.resolve("FailedReqLogFiles"))) {
                frebPath = evidence.resolve("FailedReqLogFiles");
            }
            if (configPath == null && Files.isDirectory(evidence.resolve("config"))) {
                configPath = evidence.resolve("config");
            }
            if (Files.isDirectory(evidence.resolve("collected"))) {
                collected = evidence.resolve("collected");
            } else if (Files.exists(evidence.resolve("manifest.json"))) {
                collected = evidence; // the folder Collect-All.ps1 writes
            }
        }
        Duration pt = io.arr502.core.log.Window.parseDuration(probeTimeout);
        TriageRequest req = new TriageRequest(logPaths, w, common.parsedNow(), StateFiles.forInputs(common, logPaths, w),
                frebPath, configPath, sources.urls, pt, collected, common.verdictOptions(), common.diagnosisOptions())
                .withReadDeadline(readDeadline()).withScope(common.scope());
        return Triage.run(req);
    }
}
