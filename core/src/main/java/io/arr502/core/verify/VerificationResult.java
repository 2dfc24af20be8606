package io.arr502.core.verify;

import java.util.List;

/** Whether the change held for the recovery window; the failing criterion with its numbers otherwise. */
public record VerificationResult(boolean passed, String failedCriterion, int polls, List<String> history) {
}
