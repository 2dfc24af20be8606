package io.arr502.core.gate;

/**
 * What the gate does besides its thresholds. Serializable: the Jenkins plugin sends it to the agent
 * inside its callable.
 *
 * @param minRequests      the fewest requests a rate is judged on (the window's for RATE, a route's for
 *                         ROUTE_RATE and LATENCY): below it a rate says nothing (1 error in 2 requests is
 *                         50 %), so the threshold is not breached and a NOTE says why; COUNT and
 *                         REGRESSION still apply
 * @param noTraffic        the criticality when logs were read but the window held no request at all (a
 *                         post-deploy gate that saw nothing must not pass); null when no logs were asked
 *                         for (probes only), where 0 requests is expected
 * @param baselineP99Millis the baseline build's worst-route p99 of successful requests, for LATENCY; 0 when
 *                         there is no baseline or it had no route with enough requests
 */
public record GateOptions(long minRequests, Criticality noTraffic, long baselineP99Millis) implements java.io.Serializable {
    /** As the check's verdict: rates from 20 requests on. */
    public static final long DEFAULT_MIN_REQUESTS = 20;

    /** Rates from 20 requests on, an empty window fails, no latency baseline. */
    public static GateOptions defaults() {
        return new GateOptions(DEFAULT_MIN_REQUESTS, Criticality.FAILURE, 0);
    }

    public GateOptions {
        if (minRequests < 0) {
            throw new IllegalArgumentException("min requests must be 0 or more, not " + minRequests);
        }
    }

    public GateOptions withBaselineP99(long millis) {
        return new GateOptions(minRequests, noTraffic, Math.max(0, millis));
    }
}
