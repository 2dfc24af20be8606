package io.arr502.check;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The evidence sources triage, verify and remediate take, each by its own option. */
final class EvidenceOptions {
    @Option(names = "--logs", paramLabel = "PATH", description = "IIS W3C log file or folder (repeatable).")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--freb", paramLabel = "PATH", description = "FailedReqLogFiles folder or one fr*.xml.")
    Path freb;

    @Option(names = "--config", paramLabel = "PATH",
            description = "applicationHost.config, appcmd output, or a folder of them (effective timeouts, farms, rollback values).")
    Path config;

    @Option(names = "--url", paramLabel = "TARGET",
            description = "Probe target (https://host/health;expect=200, tcp://host:443, tls://host:443); repeatable.")
    List<String> urls = new ArrayList<>();
}
