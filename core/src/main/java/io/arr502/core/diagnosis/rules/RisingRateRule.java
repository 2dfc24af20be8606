package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.diagnosis.Regression;

import java.util.List;
import java.util.Locale;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/** Early warning: the 502.3 rate rises significantly against the baseline, whatever the absolute thresholds say. */
final class RisingRateRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        Regression r = in.regression();
        if (r == null || !r.regression()) {
            return List.of();
        }
        return List.of(Candidate.observed(new Finding(Cause.RISING_502_3, clamp(1 - r.pValue()), String.format(Locale.US,
                "502.3 rate %.1f× the baseline's (%d of %d now, %d of %d in %s)", RiseFactor.of(r), r.current502_3(), r.currentRequests(),
                r.baseline502_3(), r.baselineRequests(), r.baselineSource()), List.of(r.explanation()))));
    }
}
