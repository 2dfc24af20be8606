package io.arr502.core.diagnosis;

/**
 * A finding a rule proposes, with what it rests on: {@code failedRequests} log lines (a count the
 * noise floor judges), or 0 for a direct observation (a failed probe, a disabled farm, an event).
 */
public record Candidate(Finding finding, long failedRequests) {

    public Candidate {
        if (failedRequests < 0) {
            throw new IllegalArgumentException("failedRequests must not be negative");
        }
    }

    /** Rests on this many failed requests in the logs. */
    public static Candidate counted(Finding f, long failedRequests) {
        return new Candidate(f, failedRequests);
    }

    /** A direct observation, not a count of log lines. */
    public static Candidate observed(Finding f) {
        return new Candidate(f, 0);
    }

    public Cause cause() {
        return finding.cause();
    }
}
