package io.arr502.core.diagnosis;

import java.util.List;

/** Ranked findings (most likely first; HEALTHY alone when nothing is wrong), route envelopes, regression (null without a baseline). */
public record Diagnosis(List<Finding> findings, List<RouteEnvelope> envelopes, Regression regression) {

    public Finding top() {
        return findings.isEmpty() ? null : findings.get(0);
    }
}
