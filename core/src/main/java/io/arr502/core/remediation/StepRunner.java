package io.arr502.core.remediation;

import io.arr502.core.collect.CommandResult;

import java.time.Duration;
import java.util.List;

/** Runs appcmd with these arguments (no shell in between), killed when {@code budget} passes. */
@FunctionalInterface
public interface StepRunner {
    CommandResult run(List<String> appcmdArgs, Duration budget);
}
