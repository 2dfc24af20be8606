package io.arr502.core.probe;

import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The runbook's live checks: an HTTP(S) request with phase timings, a TCP connect like
 * {@code Test-NetConnection -Port 443}, and a TLS trust check of a backend. None throws for what the
 * network does: the result says what failed, in one line.
 */
public final class Prober {
    private static final int MAX_BODY = 256 * 1024;

    private Prober() {
    }

    public static ProbeResult http(HttpProbeSpec spec) {
        PhaseClock clock = new PhaseClock();
        Trust.AnyOf trust;
        OkHttpClient client;
        try {
            trust = (Trust.AnyOf) Trust.manager(spec.trust());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[]{trust}, null);
            client = new OkHttpClient.Builder()
                    .callTimeout(spec.timeout()).connectTimeout(spec.timeout()).readTimeout(spec.timeout())
                    .followRedirects(spec.followRedirects()).followSslRedirects(spec.followRedirects())
                    .retryOnConnectionFailure(false)
                    .sslSocketFactory(ctx.getSocketFactory(), trust)
                    .eventListener(clock)
                    .build();
        } catch (Exception e) {
            return fail(ProbeResult.Kind.HTTP, spec.url(), null, "cannot set up trust: " + oneLine(e));
        }
        Request.Builder rb;
        try {
            rb = new Request.Builder().url(spec.url()).method(spec.method(), null).header("User-Agent", "arr502-probe");
        } catch (IllegalArgumentException e) {
            return fail(ProbeResult.Kind.HTTP, spec.url(), null, "not an http(s) URL: " + spec.url());
        }
        if (spec.user() != null) {
            rb.header("Authorization", Credentials.basic(spec.user(), spec.password() == null ? "" : new String(spec.password())));
        }
        try (Response r = client.newCall(rb.build()).execute()) {
            String body = "";
            ResponseBody b = r.body();
            if (b != null) {
                body = new String(b.source().peek().readByteArray(Math.min(MAX_BODY, Math.max(0, b.contentLength() < 0 ? MAX_BODY : b.contentLength()))),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
            ProbeResult.TlsFacts tls = r.handshake() == null ? null : facts(r.handshake().peerCertificates().isEmpty() ? null
                    : (X509Certificate) r.handshake().peerCertificates().get(0), true, true, r.handshake().tlsVersion().javaName(), null);
            String error = null;
            if (r.code() < spec.expectFrom() || r.code() > spec.expectTo()) {
                error = "status " + r.code() + " not in " + spec.expectFrom() + "-" + spec.expectTo();
            } else if (spec.body() != null && !spec.body().matcher(body).find()) {
                error = "body does not match /" + spec.body().pattern() + "/";
            }
            return new ProbeResult(ProbeResult.Kind.HTTP, spec.url(), error == null, r.code(), clock.timings(), tls, error);
        } catch (IOException e) {
            return fail(ProbeResult.Kind.HTTP, spec.url(), clock.timings(), describe(e, clock, spec, trust));
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    public static ProbeResult tcp(String host, int port, Duration timeout) {
        long t0 = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new ProbeResult(ProbeResult.Kind.TCP, host + ":" + port, true, -1, new ProbeResult.PhaseTimings(-1, ms, -1, -1, ms), null, null);
        } catch (IOException e) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return fail(ProbeResult.Kind.TCP, host + ":" + port, new ProbeResult.PhaseTimings(-1, ms, -1, -1, ms),
                    describeSocket(e, host, port, timeout));
        }
    }

    /** Handshake only: is the backend's certificate trusted, valid for the name, and for how long. */
    public static ProbeResult tls(String host, int port, Duration timeout, TrustOptions options) {
        long t0 = System.nanoTime();
        String target = host + ":" + port;
        Trust.AnyOf trust;
        try {
            trust = (Trust.AnyOf) Trust.manager(options);
        } catch (Exception e) {
            return fail(ProbeResult.Kind.TLS, target, null, "cannot set up trust: " + oneLine(e));
        }
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            long connected = System.nanoTime();
            raw.setSoTimeout((int) timeout.toMillis());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[]{trust}, null);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, host, port, true)) {
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS"); // hostname checked in the handshake, as WinHTTP does
                if (!host.matches("[0-9.:]+")) {
                    p.setServerNames(java.util.List.of(new SNIHostName(host)));
                }
                s.setSSLParameters(p);
                s.startHandshake();
                long done = System.nanoTime();
                X509Certificate leaf = (X509Certificate) s.getSession().getPeerCertificates()[0];
                return new ProbeResult(ProbeResult.Kind.TLS, target, true, -1, new ProbeResult.PhaseTimings(-1,
                        (connected - t0) / 1_000_000, (done - connected) / 1_000_000, -1, (done - t0) / 1_000_000),
                        facts(leaf, true, true, s.getSession().getProtocol(), null), null);
            }
        } catch (Exception e) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            X509Certificate leaf = trust.lastChain == null || trust.lastChain.length == 0 ? null : trust.lastChain[0];
            String why = e instanceof IOException io && !(e instanceof SSLHandshakeException) ? describeSocket(io, host, port, timeout)
                    : tlsReason(e, leaf);
            boolean nameProblem = why.contains("name");
            ProbeResult.TlsFacts f = leaf == null ? null : facts(leaf, nameProblem, !nameProblem, null, why);
            return new ProbeResult(ProbeResult.Kind.TLS, target, false, -1, new ProbeResult.PhaseTimings(-1, -1, -1, -1, ms), f, why);
        }
    }

    static ProbeResult.TlsFacts facts(X509Certificate leaf, boolean trusted, boolean hostnameOk, String protocol, String error) {
        if (leaf == null) {
            return new ProbeResult.TlsFacts(trusted, hostnameOk, -1, null, null, protocol, error);
        }
        long days = Duration.between(Instant.now(), leaf.getNotAfter().toInstant()).toDays();
        return new ProbeResult.TlsFacts(trusted, hostnameOk, days, leaf.getSubjectX500Principal().getName(),
                leaf.getIssuerX500Principal().getName(), protocol, error);
    }

    private static String describe(IOException e, PhaseClock clock, HttpProbeSpec spec, Trust.AnyOf trust) {
        if (e instanceof SSLPeerUnverifiedException || e instanceof SSLHandshakeException) {
            X509Certificate leaf = trust.lastChain == null || trust.lastChain.length == 0 ? null : trust.lastChain[0];
            return tlsReason(e, leaf);
        }
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException) || e instanceof SocketTimeoutException) {
            return "timed out after " + spec.timeout().toMillis() + " ms waiting for " + clock.phase();
        }
        String host = okhttp3.HttpUrl.parse(spec.url()) == null ? spec.url() : okhttp3.HttpUrl.parse(spec.url()).host();
        int port = okhttp3.HttpUrl.parse(spec.url()) == null ? -1 : okhttp3.HttpUrl.parse(spec.url()).port();
        return describeSocket(e, host, port, spec.timeout());
    }

    private static String describeSocket(IOException e, String host, int port, Duration timeout) {
        if (e instanceof UnknownHostException) {
            return "name not resolved: " + host;
        }
        if (e instanceof ConnectException) {
            return "connection refused by " + host + ":" + port;
        }
        if (e instanceof SocketTimeoutException) {
            return "timed out after " + timeout.toMillis() + " ms connecting to " + host + ":" + port;
        }
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (e instanceof SocketException && m.contains("reset") || m.contains("unexpected end of stream") || m.contains("end of stream")) {
            return "connection reset by peer (" + host + ":" + port + ")";
        }
        return oneLine(e);
    }

    private static String tlsReason(Throwable e, X509Certificate leaf) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CertificateExpiredException) {
                return "TLS: certificate expired on " + (leaf == null ? "?" : leaf.getNotAfter().toInstant().toString().substring(0, 10));
            }
            if (c instanceof CertificateNotYetValidException) {
                return "TLS: certificate not valid before " + (leaf == null ? "?" : leaf.getNotBefore().toInstant().toString().substring(0, 10));
            }
        }
        String m = oneLine(e);
        if (leaf != null && leaf.getNotAfter().before(new java.util.Date())) {
            return "TLS: certificate expired on " + leaf.getNotAfter().toInstant().toString().substring(0, 10) + " (" + m + ")";
        }
        if (m.contains("No subject alternative") || m.contains("Hostname") || m.contains("hostname") || e instanceof SSLPeerUnverifiedException) {
            return "TLS: certificate name does not match the host (" + m + ")";
        }
        if (m.contains("PKIX") || m.contains("unable to find valid certification path")) {
            return "TLS: certificate not trusted (PKIX path building failed)";
        }
        return "TLS: " + m;
    }

    private static ProbeResult fail(ProbeResult.Kind kind, String target, ProbeResult.PhaseTimings t, String why) {
        return new ProbeResult(kind, target, false, -1, t, null, why);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("[\\r\\n]+", " ");
    }

    static long ms(TimeUnit u, long v) {
        return u.toMillis(v);
    }
}
