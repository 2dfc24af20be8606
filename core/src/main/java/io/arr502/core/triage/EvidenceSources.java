package io.arr502.core.triage;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.config.ArrConfig;
import io.arr502.core.evidence.EvidenceProblem;
import io.arr502.core.freb.FrebSummary;
import io.arr502.core.probe.ProbeResult;

import java.util.ArrayList;
import java.util.List;

/** The evidence sources beyond the W3C log (FREB, configuration, probes, collector folder). */
final class EvidenceSources {
    private EvidenceSources() {
    }

    record Extra(FrebSummary freb, ArrConfig config, List<ProbeResult> probes, CollectedEvidence collected) {
    }

    static Extra gather(TriageRequest req, List<EvidenceProblem> problems) {
        List<ProbeResult> probes = new ArrayList<>();
        FrebSummary freb = null;
        if (req.freb() != null) {
            freb = frebFrom(req.freb(), problems);
        }
        ArrConfig config = null;
        if (req.config() != null) {
            try {
                config = io.arr502.core.config.ConfigReader.read(req.config());
            } catch (io.arr502.core.config.ConfigException e) {
                problems.add(new EvidenceProblem("config", e.getMessage(), false));
            } catch (RuntimeException e) {
                problems.add(new EvidenceProblem("config", "cannot read configuration: " + Triage.oneLine(e), false));
            }
        }
        for (String target : req.probes()) {
            try {
                probes.add(io.arr502.core.probe.ProbeTarget.run(target, req.probeTimeout(), io.arr502.core.probe.TrustOptions.jdkDefault(),
                        req.probeUser(), req.probePassword()));
            } catch (IllegalArgumentException e) {
                problems.add(new EvidenceProblem("probe", e.getMessage(), true));
            }
        }
        CollectedEvidence collected = null;
        if (req.evidenceDir() != null) {
            if (!java.nio.file.Files.isDirectory(req.evidenceDir())) {
                problems.add(new EvidenceProblem("evidence", "not a folder: " + req.evidenceDir(), true));
            } else {
                collected = io.arr502.core.collect.EvidenceFolder.read(req.evidenceDir());
                for (CollectedEvidence.CollectorProblem p : collected.problems()) {
                    problems.add(new EvidenceProblem("collector " + p.collector(), p.reason(), false));
                }
                if (config == null && !collected.configXml().isEmpty()) {
                    try {
                        config = io.arr502.core.config.ConfigReader.fromSections(collected.configXml());
                    } catch (io.arr502.core.config.ConfigException e) {
                        problems.add(new EvidenceProblem("collector config", e.getMessage(), false));
                    }
                }
            }
        }
        if (freb == null && collected != null && collected.frebFolder() != null) {
            // the traces Collect-All.ps1 copied beside its documents
            freb = frebFrom(collected.frebFolder(), problems);
        }
        return new Extra(freb, config, List.copyOf(probes), collected);
    }

    private static FrebSummary frebFrom(java.nio.file.Path folder, List<EvidenceProblem> problems) {
        try {
            FrebSummary freb = io.arr502.core.freb.FrebReader.read(folder, null, null);
            if (freb.traces().isEmpty() && !freb.unreadable().isEmpty()) {
                // traces were there and none could be read: the check cannot see FREB, which is not "no failures in FREB"
                problems.add(new EvidenceProblem("freb", "no trace could be read (" + freb.unreadable().size()
                        + " unreadable, truncated or not FREB XML) in " + folder, false));
            }
            for (FrebSummary.FileProblem p : freb.unreadable()) {
                problems.add(new EvidenceProblem("freb", java.nio.file.Path.of(p.file()).getFileName() + ": " + p.reason(), false));
            }
            return freb.traces().isEmpty() && !freb.unreadable().isEmpty() ? null : freb;
        } catch (io.arr502.core.freb.FrebException e) {
            problems.add(new EvidenceProblem("freb", e.getMessage(), false));
        } catch (RuntimeException e) {
            problems.add(new EvidenceProblem("freb", "cannot read FREB traces: " + Triage.oneLine(e), false));
        }
        return null;
    }
}
