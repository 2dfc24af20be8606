package io.arr502.core.probe;

/**
 * One probe: HTTP(S) request, TCP connect or TLS trust check.
 *
 * @param kind       HTTP, TCP or TLS
 * @param target     URL or host:port
 * @param ok         the probe met every expectation (status, body match, trust, deadline)
 * @param statusCode HTTP status, -1 when none
 * @param timings    phase timings in milliseconds
 * @param tls        certificate facts when a certificate was seen (also on a failed handshake), null for plain HTTP/TCP
 * @param error      one line: why it failed, null when ok
 * @param failure    the category of {@code error} (null when ok), so consumers need not match on the text
 */
public record ProbeResult(
        Kind kind,
        String target,
        boolean ok,
        int statusCode,
        PhaseTimings timings,
        TlsFacts tls,
        String error,
        Failure failure) {

    /** The original seven components; a failed result gets {@link Failure#OTHER}. */
    public ProbeResult(Kind kind, String target, boolean ok, int statusCode, PhaseTimings timings, TlsFacts tls, String error) {
        this(kind, target, ok, statusCode, timings, tls, error, ok ? null : Failure.OTHER);
    }

    public enum Kind { HTTP, TCP, TLS }

    /**
     * Why a probe failed, with the WinHTTP error ARR would log for the same failure on a forwarded
     * request (0 when ARR would forward the backend's answer unchanged).
     */
    public enum Failure {
        /** Name not resolved. */
        DNS(12007),
        /** Nothing listens, or a firewall rejects: ARR's 502.3 12029. */
        REFUSED(12029),
        /** No answer within the probe's deadline (the error names the phase): ARR's 502.3 12002. */
        TIMEOUT(12002),
        /** The backend or something in between reset the connection: ARR's 502.3 12030. */
        RESET(12030),
        /** Certificate chain not trusted (unknown CA, self-signed): ARR's 502.3 12175. */
        TLS_UNTRUSTED(12175),
        /** Certificate expired or not yet valid: ARR's 502.3 12175. */
        TLS_EXPIRED(12175),
        /** Certificate name does not match the host the request went to: ARR's 502.3 12175. */
        TLS_HOSTNAME(12175),
        /** Handshake failed for another reason (protocol or cipher mismatch): 12157. */
        TLS_HANDSHAKE(12157),
        /** The backend answered with a status outside the expected range. */
        STATUS(0),
        /** The backend answered, but the body does not match the expected pattern. */
        BODY(0),
        /** The probe could not be set up (bad URL, method or trust store): fix the probe, not the backend. */
        SETUP(0),
        /** Anything else; the error says what. */
        OTHER(0);

        private final int win32;

        Failure(int win32) {
            this.win32 = win32;
        }

        /** The WinHTTP code ARR logs in sc-win32-status for this failure, 0 when none applies. */
        public int win32() {
            return win32;
        }

        public boolean isTls() {
            return this == TLS_UNTRUSTED || this == TLS_EXPIRED || this == TLS_HOSTNAME || this == TLS_HANDSHAKE;
        }
    }

    /** Milliseconds; -1 for a phase that did not happen. */
    public record PhaseTimings(long dnsMillis, long connectMillis, long tlsMillis, long firstByteMillis, long totalMillis) {
    }

    /**
     * @param trusted         the chain validated against the trust store used
     * @param hostnameMatches the leaf certificate is valid for the probed host name or IP
     * @param daysToExpiry    whole days until notAfter, truncated toward zero (-2: expired two days ago)
     * @param protocol        negotiated protocol (TLSv1.3 …), null when the handshake failed
     * @param trustError      why the certificate was refused, null when accepted
     */
    public record TlsFacts(boolean trusted, boolean hostnameMatches, long daysToExpiry, String subject,
                           String issuer, String protocol, String trustError) {
    }
}
