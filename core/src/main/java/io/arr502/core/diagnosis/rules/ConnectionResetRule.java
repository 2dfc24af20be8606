package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;

import java.util.List;
import java.util.Locale;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/** The backend connection broke mid-request: 502.3 × 12030/12031/12152. */
final class ConnectionResetRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        long resets = in.win32(12030, 12031, 12152);
        if (resets == 0) {
            return List.of();
        }
        return List.of(Candidate.counted(new Finding(Cause.CONNECTION_RESET, clamp(0.8 * resets / in.failures()), String.format(Locale.US,
                "%d requests lost their backend connection (12030/12031/12152)", resets),
                List.of(String.format(Locale.US, "%d of %d 502.3 are connection resets or invalid responses", resets, in.count502_3()),
                        "next: backend HTTPERR log (Connection_Dropped) and TLS protocol settings on both sides")), resets));
    }
}
