package io.arr502.core.gate;

import java.io.Serializable;

/**
 * What a build stores for later builds: its number and result, the judged 502.3 counts (the verdict's metrics, so client
 * aborts are left out unless the build judged them: {@link io.arr502.core.diagnosis.JudgedRate}), and the slowest route's
 * successful p99. Small and serialisable so it can cross from a Jenkins agent to the controller.
 */
public record BuildMetrics(int build, String result, long requests, long count502_3, double rate502_3, long worstRouteOkP99Millis)
        implements Serializable {
}
