package io.arr502.core.verdict;

import io.arr502.core.diagnosis.Diagnosis;
import io.arr502.core.evidence.EvidenceProblem;
import io.arr502.core.remediation.RemediationPlan;

import java.util.List;

/**
 * The single result every front end renders: the Nagios line, the JSON, the text report and the
 * Jenkins build action all come from this object, so they cannot disagree.
 */
public record Verdict(
        State state,
        String summary,
        List<Perfdata> perfdata,
        List<String> longOutput,
        Metrics metrics,
        long malformedLines,
        Diagnosis diagnosis,
        List<RemediationPlan> remediation,
        List<EvidenceProblem> problems) {

    /** A verdict that says only why nothing could be judged. */
    public static Verdict unknown(String reason) {
        return new Verdict(State.UNKNOWN, reason, List.of(), List.of(), Metrics.none(), 0, null, List.of(), List.of());
    }

    public Verdict withState(State s, String newSummary) {
        return new Verdict(s, newSummary, perfdata, longOutput, metrics, malformedLines, diagnosis, remediation, problems);
    }
}
