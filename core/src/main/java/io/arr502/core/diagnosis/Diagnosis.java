package io.arr502.core.diagnosis;

import java.util.List;

/**
 * Ranked findings (causes most likely first, then early warnings; HEALTHY alone when neither), route
 * envelopes, regression (null without a baseline), the farm servers the evidence names (FREB, ARR
 * counters; most failures first), the failures left below the noise floor (one line each, with count
 * and code), and the gauges early warnings are judged by.
 */
public record Diagnosis(List<Finding> findings, List<RouteEnvelope> envelopes, Regression regression, List<BackendServer> servers,
                        List<String> belowNoiseFloor, List<Gauge> gauges) {

    public Diagnosis {
        servers = servers == null ? List.of() : List.copyOf(servers);
        belowNoiseFloor = belowNoiseFloor == null ? List.of() : List.copyOf(belowNoiseFloor);
        gauges = gauges == null ? List.of() : List.copyOf(gauges);
    }

    public Diagnosis(List<Finding> findings, List<RouteEnvelope> envelopes, Regression regression, List<BackendServer> servers) {
        this(findings, envelopes, regression, servers, List.of(), List.of());
    }

    public Diagnosis(List<Finding> findings, List<RouteEnvelope> envelopes, Regression regression) {
        this(findings, envelopes, regression, List.of());
    }

    public Finding top() {
        return findings.isEmpty() ? null : findings.get(0);
    }
}
