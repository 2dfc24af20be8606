package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.diagnosis.JudgedRate;
import io.arr502.core.log.LogSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/**
 * 502.3 with win32 1236 (ERROR_CONNECTION_ABORTED) or 64 (ERROR_NETNAME_DELETED): the client went away, typically
 * on long polls (GoAccess #1539: ActiveSync Cmd=Ping, 197 s). Not a backend failure; shown with the failure rate
 * without them. Routes FREB shows as the ASP.NET Core Module's are left to AncmRule (it logs 64 too, IISIntegration#201).
 * {@link JudgedRate} holds the classification, so the rate the thresholds judge leaves out exactly what this rule names.
 */
final class ClientAbortRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        LogSummary logs = in.logs();
        if (logs == null) {
            return List.of();
        }
        JudgedRate judged = in.options().judged(in.evidence());
        long aborts = judged.clientAborts();
        if (aborts <= 0) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        long backend = in.failures() - aborts;
        lines.add(String.format(Locale.US, "%d of %d 502.3 are client aborts (win32 1236 ×%d, 64 ×%d): the client closed the connection",
                aborts, logs.count502_3(), judged.clientAborts(logs, 1236), judged.clientAborts(logs, 64)));
        lines.add(String.format(Locale.US, "failure rate without them: %.2f %% (%d of %d requests) instead of %.2f %% 502.3",
                logs.requests() == 0 ? 0.0 : 100.0 * backend / logs.requests(), backend, logs.requests(), logs.rate502_3()));
        lines.add(judged.abortsJudged() ? "judged: --judge-client-aborts counts them in the 502.3 rate the thresholds and the baseline judge"
                : "not judged: the 502.3 rate the thresholds and the baseline judge leaves them out (--judge-client-aborts counts them)");
        logs.routes().stream().filter(r -> judged.clientAborts(r) > 0)
                .sorted(Comparator.comparingLong((io.arr502.core.log.RouteStats r) -> judged.clientAborts(r)).reversed()).limit(3)
                .forEach(r -> lines.add(String.format(Locale.US, "%s: %d abort(s) of %d requests, 502.3 median time-taken %,d ms%s", r.route(),
                        judged.clientAborts(r), r.requests(), r.p50TimeTaken502_3(),
                        r.p50TimeTaken502_3() >= 60_000 ? " (a long poll: exclude the route with --exclude-route)" : "")));
        lines.add("win32 64 is also what the ASP.NET Core Module logs when its app drops the connection: FREB (ModuleName) tells them apart");
        return List.of(Candidate.counted(new Finding(Cause.CLIENT_ABORT, clamp(0.8 * aborts / Math.max(1, in.failures())), String.format(Locale.US,
                "%d 502.3 are client aborts (1236/64), not backend failures", aborts), lines), aborts));
    }
}
