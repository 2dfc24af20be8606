package io.arr502.core.remediation;

import io.arr502.core.diagnosis.Cause;

import java.util.List;

/** The fix for one cause, and the rollback that restores the values read from the configuration. */
public record RemediationPlan(Cause cause, String title, List<RemediationStep> fix, List<RemediationStep> rollback,
                              List<String> notes) {
}
