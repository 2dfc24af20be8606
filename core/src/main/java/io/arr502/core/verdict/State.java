package io.arr502.core.verdict;

/** Monitoring Plugins service states and their exit codes. */
public enum State {
    OK(0), WARNING(1), CRITICAL(2), UNKNOWN(3);

    private final int exitCode;

    State(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The worse of two states; UNKNOWN ranks between WARNING and CRITICAL, as the guidelines order them. */
    public State worse(State other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(State s) {
        return switch (s) {
            case OK -> 0;
            case WARNING -> 1;
            case UNKNOWN -> 2;
            case CRITICAL -> 3;
        };
    }
}
