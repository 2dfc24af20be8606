package io.arr502.core.gate;

/**
 * One quality-gate line, like warnings-ng's {@code [threshold: 1, type: 'TOTAL', criticality: 'UNSTABLE']}:
 * RATE (502.3 % of requests), COUNT (502.3 requests) or REGRESSION (the binomial test against the baseline
 * says so; {@code threshold} is ignored). Breached when the value reaches the threshold.
 */
public record GateThreshold(Type type, double threshold, Criticality criticality) {
    public enum Type { RATE, COUNT, REGRESSION }

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
                out.add(new GateThreshold(Type.valueOf(f[0].trim().toUpperCase(java.util.Locale.ROOT)), Double.parseDouble(f[1].trim()),
                        Criticality.valueOf(f[2].trim().toUpperCase(java.util.Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("gate threshold '" + part.trim() + "': type RATE|COUNT|REGRESSION, criticality NOTE|UNSTABLE|FAILURE");
            }
        }
        return out;
    }
}
