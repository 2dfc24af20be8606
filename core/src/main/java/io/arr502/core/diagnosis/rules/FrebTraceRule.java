package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.freb.FrebTrace;
import io.arr502.core.win32.Win32Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/** Without logs, the failed-request traces alone: each 502.3 trace's win32 code names its family. */
final class FrebTraceRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        if (in.logs() != null || in.evidence().freb() == null) {
            return List.of();
        }
        List<FrebTrace> failed = in.evidence().freb().traces().stream().filter(t -> "502.3".equals(t.statusCode())).toList();
        Map<Cause, List<FrebTrace>> byCause = new EnumMap<>(Cause.class);
        for (FrebTrace t : failed) {
            if (t.producer() == FrebTrace.Producer.ASPNET_CORE_MODULE || (t.failedConnecting() && Integer.valueOf(12002).equals(t.win32()))) {
                continue; // AncmRule and ConnectTimeoutRule
            }
            Cause c = Families.of(Win32Status.of(t.win32() == null ? 0 : t.win32()));
            if (c != null) {
                byCause.computeIfAbsent(c, k -> new ArrayList<>()).add(t);
            }
        }
        List<Candidate> out = new ArrayList<>();
        byCause.forEach((cause, traces) -> {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.US, "%d of %d 502.3 traces are win32 %s", traces.size(), failed.size(),
                    traces.stream().map(t -> String.valueOf(t.win32())).distinct().reduce((a, b) -> a + "/" + b).orElse("")));
            traces.stream().sorted(Comparator.comparingLong(FrebTrace::timeTakenMillis).reversed()).limit(3).forEach(t ->
                    lines.add(String.format(Locale.US, "%s %s via %s: %,d ms, failed in %s%s", t.started(), t.url(),
                            t.backendServer() == null ? "(unknown server)" : t.backendServer(), t.timeTakenMillis(),
                            t.failedPhase() == null ? "(no open ARR phase)" : t.failedPhase(),
                            t.errorDescription() == null ? "" : " - " + t.errorDescription())));
            lines.add(RouteCounts.FREB_SAMPLE);
            out.add(Candidate.counted(new Finding(cause, clamp(0.7 * traces.size() / failed.size()), String.format(Locale.US,
                    "%d failed-request trace(s) point to %s", traces.size(), cause), lines), traces.size()));
        });
        return out;
    }
}
