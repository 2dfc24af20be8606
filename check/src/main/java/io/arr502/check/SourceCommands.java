package io.arr502.check;

import io.arr502.core.log.Window;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import io.arr502.core.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** Single-source modes: triage restricted to one kind of evidence. */
final class SourceCommands {
    private SourceCommands() {
    }

    @Command(name = "freb", description = "Judge failed-request traces (FailedReqLogFiles\\W3SVC<n>\\fr*.xml).",
            versionProvider = CheckArr502.Version.class, addMethodSubcommands = false, exitCodeOnUsageHelp = 3, exitCodeOnVersionHelp = 3, exitCodeOnInvalidInput = 3)
    static final class Freb extends ModeCommand {
        @Parameters(paramLabel = "PATH", description = "FailedReqLogFiles folder or one fr*.xml.")
        Path path;

        @Override
        Verdict verdict() throws Exception {
            return Triage.run(new TriageRequest(List.of(), common.parsedWindow(), common.parsedNow(), null, path, null,
                    List.of(), null, null, common.verdictOptions(), common.diagnosisOptions()));
        }
    }

    @Command(name = "config", description = "Check the ARR configuration (applicationHost.config or appcmd output).",
            versionProvider = CheckArr502.Version.class, addMethodSubcommands = false, exitCodeOnUsageHelp = 3, exitCodeOnVersionHelp = 3, exitCodeOnInvalidInput = 3)
    static final class Config extends ModeCommand {
        @Parameters(paramLabel = "PATH", description = "applicationHost.config, appcmd output, or a folder of them.")
        Path path;

        @Override
        Verdict verdict() throws Exception {
            return Triage.run(new TriageRequest(List.of(), Window.all(), null, null, null, path, List.of(), null, null,
                    common.verdictOptions(), common.diagnosisOptions()));
        }
    }

    @Command(name = "probe", description = "Probe backends and synthetic endpoints (HTTP(S) with phase timings, TCP, TLS trust).",
            versionProvider = CheckArr502.Version.class, addMethodSubcommands = false, exitCodeOnUsageHelp = 3, exitCodeOnVersionHelp = 3, exitCodeOnInvalidInput = 3)
    static final class Probe extends ModeCommand {
        @Parameters(paramLabel = "TARGET", arity = "1..*", description = "https://host/health, tcp://host:443, tls://host:443")
        List<String> targets;

        @Option(names = "--probe-timeout", paramLabel = "DURATION", defaultValue = "5s", description = "Each probe's deadline.")
        String probeTimeout;

        @Override
        Verdict verdict() throws Exception {
            return Triage.run(new TriageRequest(List.of(), Window.all(), null, null, null, null, targets,
                    Window.parseDuration(probeTimeout), null, common.verdictOptions(), common.diagnosisOptions()));
        }
    }
}
