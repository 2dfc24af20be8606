package io.arr502.core.diagnosis.rules;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.probe.ProbeResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Signs of a stalled backend outside the log: a probe that timed out, requests queueing while 502.3 occur. */
final class BackendStallSignalsRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        List<Candidate> out = new ArrayList<>();
        for (ProbeResult p : in.evidence().probes()) {
            if (Families.of(p) == Cause.BACKEND_STALL) {
                out.add(Candidate.observed(new Finding(Cause.BACKEND_STALL, 0.5, "probe timed out: " + p.target(),
                        List.of("probe " + p.target() + ": " + p.error()))));
            }
        }
        CollectedEvidence c = in.evidence().collected();
        if (c == null) {
            return out;
        }
        List<CollectedEvidence.CounterSample> queue = c.counters().stream().filter(s -> s.path().toLowerCase(Locale.ROOT).contains("requests queued")
                || s.path().toLowerCase(Locale.ROOT).contains("requests in application queue")).toList();
        double queued = queue.stream().mapToDouble(CollectedEvidence.CounterSample::value).max().orElse(0);
        double conns = c.counters().stream().filter(s -> s.path().toLowerCase(Locale.ROOT).contains("current connections"))
                .mapToDouble(CollectedEvidence.CounterSample::value).max().orElse(0);
        if (queued > 0 && in.count502_3() > 0) {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.US, "ASP.NET queue up to %.0f, Web Service current connections up to %.0f %s", queued, conns, c.onHost()));
            if (in.logs() != null && !in.logs().perMinute().isEmpty()) {
                // a queue seen in seconds of sampling is a moment, not the window: say which
                lines.add("counter samples: " + CounterCoverage.of(queue, in.logs()).describe());
            }
            out.add(Candidate.observed(new Finding(Cause.BACKEND_STALL, 0.4, String.format(Locale.US, "requests are queueing (%.0f queued)", queued),
                    List.copyOf(lines))));
        }
        return out;
    }
}
