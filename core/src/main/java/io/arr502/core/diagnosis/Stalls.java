package io.arr502.core.diagnosis;

import io.arr502.core.log.RouteStats;

import java.time.Duration;

/**
 * A route whose successful requests are fast while some end in 12002 at the timeout hangs those
 * requests: a longer timeout cannot help a request that normally takes 40 ms (issue 16).
 */
public final class Stalls {
    /** ARR's 12002 lands at the timeout; allow this much slack for scheduling and clock granularity. */
    public static final double AT_TIMEOUT_TOLERANCE = 0.03;

    private Stalls() {
    }

    /**
     * True when the route has 12002s whose median time-taken is at {@code timeout}, at least
     * {@code minOkRequests} successful requests, and a successful p99 of at most {@code stallShare} of the timeout.
     */
    public static boolean hangs(RouteStats r, Duration timeout, Thresholds t) {
        long timeouts = r.win32Count(12002);
        if (timeout == null || timeout.isZero() || timeouts == 0 || r.ok().count() < t.minOkRequests()) {
            return false;
        }
        double ms = timeout.toMillis();
        return atTimeout(r.p50TimeTaken502_3(), timeout) && r.ok().p99() <= t.stallShare() * ms;
    }

    public static boolean atTimeout(long millis, Duration timeout) {
        // 0 ms: the 502.3 carry no time-taken (not logged or out of range), which says nothing about the timeout
        return millis > 0 && timeout.toMillis() > 0 && Math.abs(1 - millis / (double) timeout.toMillis()) <= AT_TIMEOUT_TOLERANCE;
    }
}
