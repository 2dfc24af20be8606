package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.log.LogSummary;
import io.arr502.core.log.MinuteBucket;
import io.arr502.core.probe.ProbeResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/** The backend cannot be reached: 502.3 × 12029/12007, a probe without an answer. */
final class CannotConnectRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        List<Candidate> out = new ArrayList<>();
        LogSummary logs = in.logs();
        // the ASP.NET Core Module's 12029s (FREB) are AncmRule's: its app, not an ARR backend
        long connect = in.win32(12029, 12007) - (in.evidence().freb() == null ? 0
                : RouteCounts.win32On(logs, in.evidence().freb().ancmRoutes(), 12029, 12007));
        if (connect > 0) {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.US, "%d of %d 502.3 are 12029/12007 (cannot connect / name not resolved)", connect, in.count502_3()));
            double conf = 0.8 * connect / in.failures();
            MinuteBucket peak = logs.perMinute().stream().max(Comparator.comparingLong(MinuteBucket::count12029)).orElse(null);
            if (peak != null && peak.count12029() > 0) {
                long minutes = logs.perMinute().stream().filter(b -> b.count12029() > 0).count();
                lines.add(String.format(Locale.US, "12029 seen in %d minute(s), peak %d at %s", minutes, peak.count12029(), peak.minute()));
            }
            conf += in.corroborate(lines, ProbeResult.Kind.TCP);
            out.add(Candidate.counted(new Finding(Cause.BACKEND_UNREACHABLE, clamp(conf), String.format(Locale.US,
                    "%d requests could not reach a backend (win32 12029)", connect), lines), connect));
        }
        for (ProbeResult p : in.evidence().probes()) {
            if (Families.of(p) == Cause.BACKEND_UNREACHABLE) {
                out.add(Candidate.observed(new Finding(Cause.BACKEND_UNREACHABLE, 0.6, "probe cannot reach " + p.target(),
                        List.of("probe " + p.target() + ": " + p.error()))));
            }
        }
        // WAS pool failures are EventLogRule's: only the documented ids, only inside the log window (issue 17)
        return out;
    }
}
