package io.arr502.core.evidence;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.config.ArrConfig;
import io.arr502.core.freb.FrebSummary;
import io.arr502.core.log.LogSummary;
import io.arr502.core.probe.ProbeResult;

import java.util.List;

/**
 * Everything known about one front end for one window. Any source may be absent (null / empty):
 * diagnosis judges whatever subset it is given. Sources that were asked for but could not be
 * read are in {@code problems}.
 */
public record Evidence(
        LogSummary logs,
        FrebSummary freb,
        ArrConfig config,
        List<ProbeResult> probes,
        CollectedEvidence collected,
        List<EvidenceProblem> problems) {

    public static Evidence empty() {
        return new Evidence(null, null, null, List.of(), null, List.of());
    }

    public boolean hasAny() {
        return logs != null || freb != null || config != null || !probes.isEmpty() || collected != null;
    }
}
