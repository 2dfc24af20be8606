package io.arr502.core.gate;

/**
 * One quality-gate line, like warnings-ng's {@code [threshold: 1, type: 'TOTAL', criticality: 'UNSTABLE']}:
 * RATE (502.3 % of requests), COUNT (502.3 requests) or REGRESSION (the binomial test against the baseline
 * says so; {@code threshold} is ignored, write 0). RATE and COUNT are breached when the value reaches the
 * threshold; a threshold of 0 means "any 502.3 breaches" (it is never breached by a window without 502.3,
 * which a plain "reaches 0" would be). Negative thresholds are refused.
 */
public record GateThreshold(Type type, double threshold, Criticality criticality) {
    /** ROUTE_RATE: the worst route's 502.3 %; LATENCY: growth in % of the worst-route p99 over the baseline's. */
    public enum Type { RATE, COUNT, REGRESSION, ROUTE_RATE, LATENCY }

    /** "RATE:1:UNSTABLE,COUNT:50:FAILURE,REGRESSION:0:UNSTABLE" */
    public static java.util.List<GateThreshold> parse(String text) {
        java.util.List<GateThreshold> out = new java.util.ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String[] f = part.trim().split(":");
            if (f.length != 3) {
                throw new IllegalArgumentException("gate threshold must be TYPE:VALUE:CRITICALITY, not '" + part.trim() + "'");
            }
            try {
                double value = Double.parseDouble(f[1].trim());
                if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                    throw new IllegalArgumentException("negative");
                }
                out.add(new GateThreshold(Type.valueOf(f[0].trim().toUpperCase(java.util.Locale.ROOT)), value,
                        Criticality.valueOf(f[2].trim().toUpperCase(java.util.Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("gate threshold '" + part.trim()
                        + "': type RATE|COUNT|REGRESSION|ROUTE_RATE|LATENCY, a value of 0 or more, criticality NOTE|UNSTABLE|FAILURE");
            }
        }
        return out;
    }

    /** RATE/COUNT: reaches the threshold, or any 502.3 at all when the threshold is 0. */
    boolean breachedBy(double value) {
        return threshold == 0 ? value > 0 : value >= threshold;
    }
}
