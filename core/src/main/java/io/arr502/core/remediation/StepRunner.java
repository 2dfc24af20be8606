package io.arr502.core.remediation;

import io.arr502.core.collect.CommandResult;

/** Runs one remediation step; the real one wraps {@link io.arr502.core.collect.CommandRunner}. */
@FunctionalInterface
public interface StepRunner {
    CommandResult run(RemediationStep step);
}
