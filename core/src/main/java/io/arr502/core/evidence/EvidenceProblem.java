package io.arr502.core.evidence;

/**
 * A source that was asked for and could not be read, in one line.
 * {@code fatal} problems make the verdict UNKNOWN (nothing trustworthy to judge);
 * others are reported beside the verdict.
 */
public record EvidenceProblem(String source, String reason, boolean fatal) {
}
