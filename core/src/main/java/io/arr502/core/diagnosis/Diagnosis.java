package io.arr502.core.diagnosis;

import java.util.List;

/**
 * Ranked findings (most likely first; HEALTHY alone when nothing is wrong), route envelopes, regression (null without a
 * baseline), and the farm servers the evidence names (FREB, ARR counters), most failures first.
 */
public record Diagnosis(List<Finding> findings, List<RouteEnvelope> envelopes, Regression regression, List<BackendServer> servers) {

    public Diagnosis(List<Finding> findings, List<RouteEnvelope> envelopes, Regression regression) {
        this(findings, envelopes, regression, List.of());
    }

    public Finding top() {
        return findings.isEmpty() ? null : findings.get(0);
    }
}
