package io.arr502.core.probe;

import okhttp3.internal.tls.OkHostnameVerifier;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/** A failure category and its one-line reason, made from what the JDK or OkHttp threw. */
record Why(ProbeResult.Failure failure, String error) {

    /** Socket-level failures; {@code phase} completes "timed out after N ms …". */
    static Why socket(IOException e, String host, int port, long timeoutMillis, String phase) {
        String where = host + ":" + port;
        String m = Prober.oneLine(e).toLowerCase(Locale.ROOT);
        if (e instanceof ProbeThreads.DnsTimeout) {
            return new Why(ProbeResult.Failure.TIMEOUT, "timed out after " + timeoutMillis + " ms resolving " + host);
        }
        if (e instanceof UnknownHostException) {
            return new Why(ProbeResult.Failure.DNS, "name not resolved: " + host);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException && m.contains("timeout")
                || e instanceof ConnectException && m.contains("timed out")) {
            return new Why(ProbeResult.Failure.TIMEOUT, "timed out after " + timeoutMillis + " ms " + phase);
        }
        if (e instanceof InterruptedIOException) {
            return new Why(ProbeResult.Failure.OTHER, "interrupted while probing " + where);
        }
        if (e instanceof ConnectException) {
            return new Why(ProbeResult.Failure.REFUSED, "connection refused by " + where);
        }
        if (e instanceof NoRouteToHostException) {
            return new Why(ProbeResult.Failure.REFUSED, "no route to " + where);
        }
        if (m.contains("reset") || m.contains("broken pipe")) {
            return new Why(ProbeResult.Failure.RESET, "connection reset by peer (" + where + ")");
        }
        if (e instanceof EOFException || m.contains("end of stream") || e instanceof SocketException && m.contains("closed")) {
            return new Why(ProbeResult.Failure.RESET, "connection closed by " + where + " before a complete response");
        }
        return new Why(ProbeResult.Failure.OTHER, Prober.oneLine(e));
    }

    /** A failed handshake, told from the certificate the trust manager was shown. */
    static Why tls(Throwable e, Trust.AnyOf trust, String host) {
        X509Certificate leaf = trust.leaf();
        if (leaf == null) {
            return new Why(ProbeResult.Failure.TLS_HANDSHAKE, "TLS: handshake failed: " + Prober.oneLine(e));
        }
        String pkix = trust.lastRefusal == null ? null : pkix(trust.lastRefusal);
        Date now = new Date();
        if (leaf.getNotAfter().before(now)) {
            return new Why(ProbeResult.Failure.TLS_EXPIRED, "TLS: certificate expired on " + day(leaf.getNotAfter())
                    + (pkix != null ? " (" + pkix + ")" : ""));
        }
        if (leaf.getNotBefore().after(now)) {
            return new Why(ProbeResult.Failure.TLS_EXPIRED, "TLS: certificate not valid before " + day(leaf.getNotBefore())
                    + (pkix != null ? " (" + pkix + ")" : ""));
        }
        if (!trust.chainTrusted()) {
            String who = leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())
                    ? "self-signed " + leaf.getSubjectX500Principal().getName()
                    : "issued by " + leaf.getIssuerX500Principal().getName();
            return new Why(ProbeResult.Failure.TLS_UNTRUSTED, "TLS: certificate not trusted, " + who + " (" + (pkix != null ? pkix : "PKIX") + ")");
        }
        if (!nameMatches(host, leaf)) {
            return new Why(ProbeResult.Failure.TLS_HOSTNAME, "TLS: certificate name does not match the host " + host + " (certificate is for "
                    + names(leaf) + ")");
        }
        return new Why(ProbeResult.Failure.TLS_HANDSHAKE, "TLS: handshake failed: " + Prober.oneLine(e));
    }

    static boolean nameMatches(String host, X509Certificate leaf) {
        return OkHostnameVerifier.INSTANCE.verify(host, leaf);
    }

    private static String pkix(Throwable e) {
        String m = Prober.oneLine(e);
        if (m.contains("PKIX path building failed")) {
            return "PKIX path building failed";
        }
        if (m.contains("PKIX path validation failed")) {
            return "PKIX path validation failed";
        }
        return m.length() > 120 ? m.substring(0, 120) + "…" : m;
    }

    private static String day(Date d) {
        return d.toInstant().toString().substring(0, 10);
    }

    /** The names a certificate is valid for: its DNS and IP subject alternative names, else its subject. */
    static String names(X509Certificate c) {
        List<String> out = new ArrayList<>();
        try {
            if (c.getSubjectAlternativeNames() != null) {
                for (List<?> n : c.getSubjectAlternativeNames()) {
                    Object type = n.get(0);
                    if ((Integer.valueOf(2).equals(type) || Integer.valueOf(7).equals(type)) && out.size() < 5) {
                        out.add(String.valueOf(n.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException ignored) {
            // fall back to the subject
        }
        return out.isEmpty() ? c.getSubjectX500Principal().getName() : String.join(", ", out);
    }
}
