package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;

import java.util.List;
import java.util.Locale;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/** 504 in the front-end log: the backend's own gateway timed out (ARR reports its timeouts as 502.3). */
final class Upstream504Rule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        long c504 = in.logs() == null ? 0 : in.logs().count("504.0");
        if (c504 == 0) {
            return List.of();
        }
        return List.of(Candidate.counted(new Finding(Cause.UPSTREAM_504, clamp(0.7 * c504 / in.failures()), String.format(Locale.US,
                "%d × 504 passed through from the backend (ARR reports its own timeouts as 502.3/12002, not 504)", c504),
                List.of(c504 + " × 504.0 in the front-end log; check the backend's own gateway or upstream timeouts")), c504));
    }
}
