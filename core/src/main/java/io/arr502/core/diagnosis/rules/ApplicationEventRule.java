package io.arr502.core.diagnosis.rules;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.win32.Win32Status;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.arr502.core.diagnosis.DiagnosisInput.oneLine;

/** Application-log entries carrying a WinHTTP HRESULT, e.g. "(0x80072ee2)", sorted by the family they name. */
final class ApplicationEventRule implements CauseRule {
    private static final Pattern HRESULT = Pattern.compile("0x8007([0-9a-fA-F]{4})");

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        CollectedEvidence c = in.evidence().collected();
        if (c == null) {
            return List.of();
        }
        Map<Cause, List<String>> fromEvents = new EnumMap<>(Cause.class);
        for (CollectedEvidence.EventLogEntry e : c.applicationEvents()) {
            Matcher m = HRESULT.matcher(e.message() == null ? "" : e.message());
            if (!m.find()) {
                continue;
            }
            Cause cause = Families.of(Win32Status.of(Integer.parseInt(m.group(1), 16)));
            if (cause != null) {
                fromEvents.computeIfAbsent(cause, k -> new ArrayList<>()).add(e.time() + " " + e.provider() + " " + e.id() + ": " + oneLine(e.message()));
            }
        }
        List<Candidate> out = new ArrayList<>();
        fromEvents.forEach((cause, lines) -> out.add(Candidate.observed(new Finding(cause, in.logs() == null ? 0.4 : 0.2,
                lines.size() + " Application log entr" + (lines.size() == 1 ? "y" : "ies") + " from ARR point to " + cause,
                lines.stream().limit(3).toList()))));
        return out;
    }
}
