package io.arr502.core.remediation;

import java.util.List;

/**
 * One command of a plan. {@code argv} is what the runner executes (never a shell string);
 * {@code display} is the same command as an engineer would type it at a Windows prompt.
 */
public record RemediationStep(String description, List<String> argv, String display) {
}
