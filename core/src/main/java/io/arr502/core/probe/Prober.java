package io.arr502.core.probe;

import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The runbook's live checks: an HTTP(S) request with phase timings, a TCP connect like
 * {@code Test-NetConnection -Port 443}, and a TLS trust check of a backend. None throws for what the
 * network does (or for a bad spec): the result says what failed, in one line, with a category.
 *
 * <p>Threads: the calling thread does the work. OkHttp runs synchronous calls on it and its only
 * background threads are its shared daemon "OkHttp TaskRunner" threads (idle ones end after 60 s);
 * every probe gets a fresh connection pool that keeps nothing idle and is emptied before returning,
 * so no socket outlives a probe. Name lookups and handshake deadlines use {@link ProbeThreads}'s
 * daemon threads. Safe to call from many threads at once.
 */
public final class Prober {
    /** Bodies are matched on their first 256 KiB; a health page is far smaller. */
    static final int MAX_BODY = 256 * 1024;

    /** Shared so every probe reuses one dispatcher and OkHttp's daemon task threads; each probe gets its own pool below. */
    private static final OkHttpClient BASE = new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).build();

    private Prober() {
    }

    public static ProbeResult http(HttpProbeSpec spec) {
        String url = spec == null ? null : Redact.userinfo(spec.url()); // what results show: never a URL's password
        HttpUrl parsed = spec == null || spec.url() == null ? null : HttpUrl.parse(spec.url().trim());
        if (parsed == null) {
            return setup(ProbeResult.Kind.HTTP, url, "not an http(s) URL: " + url);
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            // credentials in the URL are sent as basic auth (OkHttp would drop them), unless the caller gave its own
            if (spec.user() == null) {
                spec = spec.withCredentials(parsed.username(), parsed.password().toCharArray());
            }
            parsed = parsed.newBuilder().username("").password("").build();
        }
        if (!"GET".equals(spec.method()) && !"HEAD".equals(spec.method())) {
            return setup(ProbeResult.Kind.HTTP, url, "probe method must be GET or HEAD, not " + spec.method());
        }
        if (spec.timeout() == null || spec.timeout().isNegative() || spec.timeout().isZero()) {
            return setup(ProbeResult.Kind.HTTP, url, "probe timeout must be positive: " + spec.timeout());
        }
        long timeout = spec.timeout().toMillis();
        Trust.AnyOf trust;
        OkHttpClient client;
        PhaseClock clock = new PhaseClock();
        try {
            trust = Trust.manager(spec.trust());
            client = BASE.newBuilder()
                    .connectionPool(new ConnectionPool(0, 1, TimeUnit.MILLISECONDS)) // a fresh connection per probe, none kept
                    .callTimeout(timeout, TimeUnit.MILLISECONDS)
                    .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                    .readTimeout(timeout, TimeUnit.MILLISECONDS)
                    .writeTimeout(timeout, TimeUnit.MILLISECONDS)
                    .followRedirects(spec.followRedirects()).followSslRedirects(spec.followRedirects())
                    .retryOnConnectionFailure(false)
                    .dns(host -> lookup(host, timeout))
                    .sslSocketFactory(Trust.context(trust).getSocketFactory(), trust)
                    .eventListener(clock)
                    .build();
        } catch (Exception e) {
            return setup(ProbeResult.Kind.HTTP, url, "cannot use trust store " + (spec.trust() == null ? "" : spec.trust().store()) + ": " + oneLine(e));
        }
        Request.Builder rb = new Request.Builder().url(parsed).method(spec.method(), null).header("User-Agent", "arr502-probe");
        if (spec.user() != null) {
            rb.header("Authorization", Credentials.basic(spec.user(), spec.password() == null ? "" : new String(spec.password()),
                    StandardCharsets.UTF_8));
        }
        try (Response r = client.newCall(rb.build()).execute()) {
            String body = read(r.body());
            ProbeResult.TlsFacts tls = null;
            if (r.handshake() != null) {
                List<java.security.cert.Certificate> peer = r.handshake().peerCertificates();
                tls = facts(peer.isEmpty() ? null : (X509Certificate) peer.get(0), true, true, r.handshake().tlsVersion().javaName(), null);
            }
            Why why = null;
            if (r.code() < spec.expectFrom() || r.code() > spec.expectTo()) {
                why = new Why(ProbeResult.Failure.STATUS, "status " + r.code() + " not in " + spec.expectFrom() + "-" + spec.expectTo());
            } else if (spec.body() != null && !spec.body().matcher(body).find()) {
                why = new Why(ProbeResult.Failure.BODY, "body does not match /" + spec.body().pattern() + "/"
                        + (body.length() >= MAX_BODY ? " in its first 256 KiB" : ""));
            }
            return new ProbeResult(ProbeResult.Kind.HTTP, url, why == null, r.code(), clock.timings(), tls,
                    why == null ? null : why.error(), why == null ? null : why.failure());
        } catch (SSLException e) {
            Why why = Why.tls(e, trust, parsed.host());
            return new ProbeResult(ProbeResult.Kind.HTTP, url, false, -1, clock.timings(), failedFacts(trust, parsed.host(), why), why.error(),
                    why.failure());
        } catch (IOException e) {
            Why why = Why.socket(e, parsed.host(), parsed.port(), timeout, clock.phase(parsed.host() + ":" + parsed.port()));
            return new ProbeResult(ProbeResult.Kind.HTTP, url, false, -1, clock.timings(), null, why.error(), why.failure());
        } catch (RuntimeException e) {
            return new ProbeResult(ProbeResult.Kind.HTTP, url, false, -1, clock.timings(), null, oneLine(e), ProbeResult.Failure.OTHER);
        } finally {
            client.connectionPool().evictAll();
        }
    }

    /** Reads at most {@link #MAX_BODY} bytes; a shorter or chunked body is read to its end. */
    private static String read(ResponseBody b) throws IOException {
        if (b == null) {
            return "";
        }
        BufferedSource src = b.source();
        src.request(MAX_BODY);
        long n = Math.min(MAX_BODY, src.getBuffer().size());
        return src.getBuffer().readString(n, StandardCharsets.UTF_8);
    }

    /** OkHttp's Dns may only declare UnknownHostException; the lookup's timeout (an IOException) passes through unchanged. */
    private static List<InetAddress> lookup(String host, long timeoutMillis) throws java.net.UnknownHostException {
        try {
            return ProbeThreads.lookup(host, timeoutMillis);
        } catch (java.net.UnknownHostException e) {
            throw e;
        } catch (IOException e) {
            throw Prober.<RuntimeException>sneaky(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }

    /** Can a TCP connection be opened, like {@code Test-NetConnection -Port}. */
    public static ProbeResult tcp(String host, int port, Duration timeout) {
        String target = host + ":" + port;
        String bad = checkTarget(host, port, timeout);
        if (bad != null) {
            return setup(ProbeResult.Kind.TCP, target, bad);
        }
        long deadline = timeout.toMillis();
        long t0 = System.nanoTime();
        long dns = -1;
        try (Socket s = new Socket()) {
            InetAddress addr = ProbeThreads.lookup(host, deadline).get(0);
            long resolved = System.nanoTime();
            dns = ms(t0, resolved);
            s.connect(new InetSocketAddress(addr, port), (int) Math.max(1, deadline - dns));
            long done = System.nanoTime();
            return new ProbeResult(ProbeResult.Kind.TCP, target, true, -1,
                    new ProbeResult.PhaseTimings(literal(host) ? -1 : dns, ms(resolved, done), -1, -1, ms(t0, done)), null, null, null);
        } catch (IOException e) {
            Why why = Why.socket(e, host, port, deadline, "connecting to " + target);
            return new ProbeResult(ProbeResult.Kind.TCP, target, false, -1,
                    new ProbeResult.PhaseTimings(literal(host) ? -1 : dns, -1, -1, -1, ms(t0, System.nanoTime())), null, why.error(), why.failure());
        }
    }

    /**
     * Handshake only: is the backend's certificate chain trusted, valid for the host name, and for how
     * long; the negotiated protocol. The whole probe (lookup, connect, handshake) keeps {@code timeout}.
     */
    public static ProbeResult tls(String host, int port, Duration timeout, TrustOptions options) {
        String target = host + ":" + port;
        String bad = checkTarget(host, port, timeout);
        if (bad != null) {
            return setup(ProbeResult.Kind.TLS, target, bad);
        }
        Trust.AnyOf trust;
        javax.net.ssl.SSLSocketFactory factory;
        try {
            trust = Trust.manager(options);
            factory = Trust.context(trust).getSocketFactory();
        } catch (Exception e) {
            return setup(ProbeResult.Kind.TLS, target, "cannot use trust store " + (options == null ? "" : options.store()) + ": " + oneLine(e));
        }
        long deadline = timeout.toMillis();
        long t0 = System.nanoTime();
        long dns = -1;
        long connected = -1;
        AtomicBoolean fired = new AtomicBoolean();
        Socket raw = new Socket();
        ScheduledFuture<?> watchdog = ProbeThreads.closeAt(raw, deadline, () -> fired.set(true));
        try {
            InetAddress addr = ProbeThreads.lookup(host, deadline).get(0);
            dns = ms(t0, System.nanoTime());
            raw.connect(new InetSocketAddress(addr, port), (int) Math.max(1, deadline - dns));
            connected = System.nanoTime();
            raw.setSoTimeout((int) Math.max(1, deadline - ms(t0, connected)));
            try (SSLSocket s = (SSLSocket) factory.createSocket(raw, host, port, true)) {
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS"); // the name is checked in the handshake, as WinHTTP does
                if (!literal(host)) {
                    p.setServerNames(List.of(new SNIHostName(host)));
                }
                s.setSSLParameters(p);
                s.startHandshake();
                long done = System.nanoTime();
                X509Certificate leaf = (X509Certificate) s.getSession().getPeerCertificates()[0];
                return new ProbeResult(ProbeResult.Kind.TLS, target, true, -1, new ProbeResult.PhaseTimings(literal(host) ? -1 : dns,
                        ms(t0, connected) - dns, ms(connected, done), -1, ms(t0, done)),
                        facts(leaf, true, true, s.getSession().getProtocol(), null), null, null);
            }
        } catch (IOException e) {
            long now = System.nanoTime();
            ProbeResult.PhaseTimings t = new ProbeResult.PhaseTimings(literal(host) || dns < 0 ? -1 : dns,
                    connected < 0 ? -1 : ms(t0, connected) - dns, -1, -1, ms(t0, now));
            Why why;
            if (e instanceof ProbeThreads.DnsTimeout) {
                why = Why.socket(e, host, port, deadline, "resolving " + host);
            } else if (fired.get() || e instanceof java.net.SocketTimeoutException && connected >= 0) {
                why = new Why(ProbeResult.Failure.TIMEOUT, "timed out after " + deadline + " ms "
                        + (connected < 0 ? "connecting to " + target : "in the TLS handshake with " + target));
            } else if (e instanceof SSLException && connected >= 0) {
                why = Why.tls(e, trust, host);
            } else {
                why = Why.socket(e, host, port, deadline, "connecting to " + target);
            }
            return new ProbeResult(ProbeResult.Kind.TLS, target, false, -1, t, failedFacts(trust, host, why), why.error(), why.failure());
        } catch (RuntimeException e) {
            return new ProbeResult(ProbeResult.Kind.TLS, target, false, -1, null, failedFacts(trust, host, null), oneLine(e), ProbeResult.Failure.OTHER);
        } finally {
            watchdog.cancel(false);
            try {
                raw.close();
            } catch (IOException ignored) {
                // already closed by the handshake socket or the watchdog
            }
        }
    }

    /** What the certificate shown in a failed handshake says, or null when none was shown. */
    private static ProbeResult.TlsFacts failedFacts(Trust.AnyOf trust, String host, Why why) {
        X509Certificate leaf = trust.leaf();
        if (leaf == null) {
            return null;
        }
        boolean expired = why != null && why.failure() == ProbeResult.Failure.TLS_EXPIRED;
        return facts(leaf, trust.chainTrusted() && !expired, Why.nameMatches(host, leaf), null, why == null ? null : why.error());
    }

    static ProbeResult.TlsFacts facts(X509Certificate leaf, boolean trusted, boolean hostnameOk, String protocol, String error) {
        if (leaf == null) {
            return new ProbeResult.TlsFacts(trusted, hostnameOk, -1, null, null, protocol, error);
        }
        return new ProbeResult.TlsFacts(trusted, hostnameOk, daysToExpiry(leaf, Instant.now()), leaf.getSubjectX500Principal().getName(),
                leaf.getIssuerX500Principal().getName(), protocol, error);
    }

    /**
     * Whole days between now and notAfter, truncated toward zero as check_http does: 40 days and an hour
     * is 40, an hour either side of notAfter is 0, expired two days ago is -2 (whether it has expired is
     * {@link ProbeResult.Failure#TLS_EXPIRED}'s to say).
     */
    static long daysToExpiry(X509Certificate leaf, Instant now) {
        return Duration.between(now, leaf.getNotAfter().toInstant()).toDays();
    }

    private static String checkTarget(String host, int port, Duration timeout) {
        if (host == null || host.isBlank()) {
            return "probe target needs a host";
        }
        if (port < 1 || port > 65535) {
            return "port out of range: " + port;
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            return "probe timeout must be positive: " + timeout;
        }
        return null;
    }

    private static boolean literal(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static long ms(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private static ProbeResult setup(ProbeResult.Kind kind, String target, String why) {
        return new ProbeResult(kind, target, false, -1, null, null, why, ProbeResult.Failure.SETUP);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage().replaceAll("[\\r\\n]+", " ").trim();
        return m.isEmpty() ? e.getClass().getSimpleName() : m;
    }
}
