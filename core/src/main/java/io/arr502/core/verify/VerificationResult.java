package io.arr502.core.verify;

import java.util.List;

/**
 * Whether the change held for the recovery window (PASSED), did not (FAILED, with the failing
 * criterion and its numbers), or could not be judged because the polls held no evidence: no requests
 * in the window and no probe (UNKNOWN). {@code passed} is true only for PASSED.
 */
public record VerificationResult(boolean passed, String failedCriterion, int polls, List<String> history, Outcome outcome) {

    public enum Outcome { PASSED, FAILED, UNKNOWN }

    public VerificationResult {
        history = List.copyOf(history);
        if (passed != (outcome == Outcome.PASSED)) {
            throw new IllegalArgumentException("passed and outcome disagree");
        }
    }

    public VerificationResult(boolean passed, String failedCriterion, int polls, List<String> history) {
        this(passed, failedCriterion, polls, history, passed ? Outcome.PASSED : Outcome.FAILED);
    }

    public static VerificationResult unknown(String why, int polls, List<String> history) {
        return new VerificationResult(false, why, polls, history, Outcome.UNKNOWN);
    }
}
