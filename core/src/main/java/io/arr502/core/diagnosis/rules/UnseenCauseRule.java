package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.log.LogSummary;
import io.arr502.core.log.LogVisibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/**
 * 502.3 whose cause the log cannot show: without sc-win32-status (the engine records 0 for it) no rule can tell a
 * timeout from a reset, and a 502 without a logged substatus may be a 502.3 (issue 16). A stated partial finding,
 * so that the verdict never says HEALTHY over failures it could not attribute; the noise floor judges it like any
 * counted cause. No configuration change is planned for it: the fix is a logging field, named in a manual note.
 */
final class UnseenCauseRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        LogSummary logs = in.logs();
        if (logs == null) {
            return List.of();
        }
        LogVisibility v = logs.visibility();
        long noWin32 = in.win32(0);
        long noSub = logs.count(LogSummary.UNKNOWN_SUBSTATUS_502);
        if (noWin32 + noSub == 0) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        if (noWin32 > 0) {
            boolean notLogged = v == null || !v.logs("sc-win32-status");
            parts.add(String.format(Locale.US, "%d × 502.3, cause cannot be told: %s", noWin32,
                    notLogged ? "sc-win32-status is not logged" : "their sc-win32-status is 0 or not a number"));
            lines.add(String.format(Locale.US, "%d of %d 502.3 carry no win32 code: timeout, reset, refused connection and TLS "
                    + "failure look the same without it", noWin32, logs.count502_3()));
            if (notLogged) {
                lines.add("next: enable the win32 status in the site's log fields (IIS Manager > Logging > Select Fields > Win32 Status; "
                        + "logFile@logExtFileFlags flag Win32Status), keeping the fields already logged");
            }
        }
        if (noSub > 0) {
            parts.add(String.format(Locale.US, "%d × 502 without a logged substatus (counted as 502.3), cause cannot be told: "
                    + "sc-substatus is not logged", noSub));
            lines.add("next: enable the substatus in the site's log fields (IIS Manager > Logging > Select Fields > Protocol Substatus; "
                    + "logFile@logExtFileFlags flag HttpSubStatus), keeping the fields already logged");
        }
        long n = noWin32 + noSub;
        long all = Math.max(n, in.failures() + noSub);
        return List.of(Candidate.counted(new Finding(Cause.UNDETERMINED_502_3, clamp(0.6 * n / all), String.join("; ", parts),
                List.copyOf(lines)), n));
    }
}
