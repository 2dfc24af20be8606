package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/**
 * The 502 substatuses besides .3 and .4, explained from Microsoft's list (SupportArticles-docs http-status-code.md):
 * ARR 3.0.1916+ uses .2 .5 .6 .7; the ASP.NET Core Module uses .5 (process failure); .1/.2 are the classic CGI codes.
 */
final class OtherSubstatusRule implements CauseRule {
    static final Map<String, String> MEANING = Map.of(
            "502.1", "CGI application timeout (classic IIS)",
            "502.2", "ARR 3.0.1916+: map request failure; classic IIS: the CGI application exited prematurely",
            "502.5", "ARR 3.0.1916+: WebSocket failure; ASP.NET Core Module: the app process failed to start",
            "502.6", "ARR 3.0.1916+: forwarded request failure",
            "502.7", "ARR 3.0.1916+: execute request failure");

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        if (in.logs() == null) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        long total = 0;
        for (String sub : List.of("502.1", "502.2", "502.5", "502.6", "502.7")) {
            long n = in.logs().count(sub);
            if (n > 0) {
                total += n;
                parts.add(String.format(Locale.US, "%d × %s: %s", n, sub, MEANING.get(sub)));
                lines.add(String.format(Locale.US, "%d × %s in the log beside %d × 502.3", n, sub, in.count502_3()));
            }
        }
        if (total == 0) {
            return List.of();
        }
        lines.add("which module set it is in FREB (ModuleName); a 502.5 from AspNetCoreModule is the app failing to start (stdout log)");
        // one finding for all of them: the diagnosis keeps one per cause
        return List.of(Candidate.counted(new Finding(Cause.OTHER_502, clamp(0.6 * total / (total + in.failures())), String.join("; ", parts),
                lines), total));
    }
}
