package io.arr502.check;

import io.arr502.core.verdict.State;

import java.io.PrintStream;

/**
 * The check's own deadline. Nagios treats a plugin it kills as CRITICAL and Icinga as UNKNOWN, so the
 * check answers first, with the state the admin chose, and halts (a blocked read of a hung share
 * would otherwise keep the JVM alive).
 */
final class Deadline {
    private final Object lock = new Object();
    private boolean finished;

    void start(int seconds, State state, PrintStream out) {
        if (seconds <= 0) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lock) {
                if (finished) {
                    return;
                }
                finished = true;
                out.print("ARR502 " + state + " - timed out after " + seconds + " s\n");
                out.flush();
                Runtime.getRuntime().halt(state.exitCode());
            }
        }, "arr502-deadline");
        t.setDaemon(true);
        t.start();
    }

    /** Prints the result unless the deadline already answered; returns false when it did. */
    boolean finish(PrintStream out, String text) {
        synchronized (lock) {
            if (finished) {
                return false;
            }
            finished = true;
            out.print(text);
            out.flush();
            return true;
        }
    }
}
