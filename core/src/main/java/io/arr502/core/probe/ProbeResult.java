package io.arr502.core.probe;

/**
 * One probe: HTTP(S) request, TCP connect or TLS trust check.
 *
 * @param kind       HTTP, TCP or TLS
 * @param target     URL or host:port
 * @param ok         the probe met every expectation (status, body match, trust, deadline)
 * @param statusCode HTTP status, -1 when none
 * @param timings    phase timings in milliseconds
 * @param tls        certificate facts, null for plain HTTP/TCP
 * @param error      one line: why it failed, null when ok
 */
public record ProbeResult(
        Kind kind,
        String target,
        boolean ok,
        int statusCode,
        PhaseTimings timings,
        TlsFacts tls,
        String error) {

    public enum Kind { HTTP, TCP, TLS }

    /** Milliseconds; -1 for a phase that did not happen. */
    public record PhaseTimings(long dnsMillis, long connectMillis, long tlsMillis, long firstByteMillis, long totalMillis) {
    }

    public record TlsFacts(boolean trusted, boolean hostnameMatches, long daysToExpiry, String subject,
                           String issuer, String protocol, String trustError) {
    }
}
