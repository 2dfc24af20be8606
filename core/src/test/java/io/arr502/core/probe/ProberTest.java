package io.arr502.core.probe;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every probe against a real server on 127.0.0.1, started here. */
class ProberTest {
    static TestCerts certs;

    @TempDir
    Path tmp;

    private final List<AutoCloseable> servers = new ArrayList<>();

    @BeforeAll
    static void makeCerts() throws Exception {
        certs = new TestCerts();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable s : servers) {
            s.close();
        }
    }

    private int http() throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/health", ex -> reply(ex, 200, "Healthy"));
        s.createContext("/api/slow-endpoint", ex -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException ignored) {
                // server shutting down
            }
            reply(ex, 200, "slow");
        });
        s.createContext("/broken", ex -> reply(ex, 503, "Service Unavailable"));
        s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        s.start();
        servers.add(() -> s.stop(0));
        return s.getAddress().getPort();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int code, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    private int https(KeyStore ks) throws Exception {
        HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx));
        s.createContext("/health", ex -> reply(ex, 200, "Healthy"));
        s.start();
        servers.add(() -> s.stop(0));
        return s.getAddress().getPort();
    }

    private TrustOptions trustCa() throws Exception {
        return new TrustOptions(certs.caPem(tmp), null, false);
    }

    private static HttpProbeSpec spec(String url, Duration t, TrustOptions trust) {
        return new HttpProbeSpec(url, "GET", 200, 399, null, t, false, trust, null, null);
    }

    @Test
    void fastEndpointIsOkWithPhaseTimings() throws Exception {
        int port = http();
        ProbeResult r = Prober.http(spec("http://127.0.0.1:" + port + "/health", Duration.ofSeconds(2), TrustOptions.jdkDefault()));
        assertThat(r.ok()).as(r.error()).isTrue();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.timings().connectMillis()).isGreaterThanOrEqualTo(0);
        assertThat(r.timings().firstByteMillis()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(r.timings().totalMillis());
        assertThat(r.tls()).isNull();
    }

    @Test
    void slowEndpointTimesOutWaitingForHeaders() throws Exception {
        int port = http();
        long t0 = System.nanoTime();
        ProbeResult r = Prober.http(spec("http://127.0.0.1:" + port + "/api/slow-endpoint", Duration.ofMillis(800), TrustOptions.jdkDefault()));
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).isEqualTo("timed out after 800 ms waiting for response headers");
        assertThat(took).as("the probe keeps its own deadline").isLessThan(2_500);
    }

    @Test
    void statusAndBodyExpectations() throws Exception {
        int port = http();
        ProbeResult broken = Prober.http(spec("http://127.0.0.1:" + port + "/broken", Duration.ofSeconds(2), TrustOptions.jdkDefault()));
        assertThat(broken.error()).isEqualTo("status 503 not in 200-399");
        ProbeResult body = Prober.http(new HttpProbeSpec("http://127.0.0.1:" + port + "/health", "GET", 200, 299, Pattern.compile("Degraded"),
                Duration.ofSeconds(2), false, TrustOptions.jdkDefault(), null, null));
        assertThat(body.error()).isEqualTo("body does not match /Degraded/");
    }

    @Test
    void closedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        assertThat(Prober.http(spec("http://127.0.0.1:" + port + "/", Duration.ofSeconds(2), TrustOptions.jdkDefault())).error())
                .isEqualTo("connection refused by 127.0.0.1:" + port);
        ProbeResult tcp = Prober.tcp("127.0.0.1", port, Duration.ofSeconds(2));
        assertThat(tcp.ok()).isFalse();
        assertThat(tcp.error()).isEqualTo("connection refused by 127.0.0.1:" + port);
        assertThat(Prober.tcp("127.0.0.1", http(), Duration.ofSeconds(2)).ok()).isTrue();
    }

    @Test
    void resetConnectionIsNamed() throws Exception {
        ServerSocket s = new ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.1"));
        servers.add(s);
        Thread t = new Thread(() -> {
            try {
                while (!s.isClosed()) {
                    Socket c = s.accept();
                    c.getInputStream().read(new byte[512]);
                    c.setSoLinger(true, 0); // RST instead of FIN
                    c.close();
                }
            } catch (Exception ignored) {
                // closed by the test
            }
        });
        t.setDaemon(true);
        t.start();
        ProbeResult r = Prober.http(spec("http://127.0.0.1:" + s.getLocalPort() + "/", Duration.ofSeconds(2), TrustOptions.jdkDefault()));
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).startsWith("connection reset by peer");
    }

    @Test
    void httpsTrustExpiryAndNameAreTold() throws Exception {
        Instant now = Instant.now();
        int good = https(certs.server("127.0.0.1", TestCerts.ip("127.0.0.1"), now.minus(1, ChronoUnit.DAYS), now.plus(40, ChronoUnit.DAYS), false));
        int self = https(certs.server("127.0.0.1", TestCerts.ip("127.0.0.1"), now.minus(1, ChronoUnit.DAYS), now.plus(40, ChronoUnit.DAYS), true));
        int expired = https(certs.server("127.0.0.1", TestCerts.ip("127.0.0.1"), now.minus(30, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS), false));
        int wrongName = https(certs.server("other.example", TestCerts.dns("other.example"), now.minus(1, ChronoUnit.DAYS), now.plus(40, ChronoUnit.DAYS), false));
        TrustOptions ca = trustCa();

        ProbeResult ok = Prober.http(spec("https://127.0.0.1:" + good + "/health", Duration.ofSeconds(3), ca));
        assertThat(ok.ok()).as(ok.error()).isTrue();
        assertThat(ok.tls().daysToExpiry()).isBetween(38L, 40L);
        assertThat(ok.timings().tlsMillis()).isGreaterThanOrEqualTo(0);

        assertThat(Prober.http(spec("https://127.0.0.1:" + good + "/health", Duration.ofSeconds(3), TrustOptions.jdkDefault())).error())
                .as("the JDK does not know the test CA").isEqualTo("TLS: certificate not trusted (PKIX path building failed)");
        assertThat(Prober.http(spec("https://127.0.0.1:" + self + "/health", Duration.ofSeconds(3), ca)).error())
                .isEqualTo("TLS: certificate not trusted (PKIX path building failed)");
        assertThat(Prober.http(spec("https://127.0.0.1:" + expired + "/health", Duration.ofSeconds(3), ca)).error())
                .startsWith("TLS: certificate expired on ");
        assertThat(Prober.http(spec("https://127.0.0.1:" + wrongName + "/health", Duration.ofSeconds(3), ca)).error())
                .startsWith("TLS: certificate name does not match the host");

        ProbeResult tls = Prober.tls("127.0.0.1", good, Duration.ofSeconds(3), ca);
        assertThat(tls.ok()).as(tls.error()).isTrue();
        assertThat(tls.tls().subject()).isEqualTo("CN=127.0.0.1");
        assertThat(tls.tls().issuer()).isEqualTo("CN=arr502 test CA");
        assertThat(tls.tls().protocol()).startsWith("TLSv1.");
        ProbeResult bad = Prober.tls("127.0.0.1", expired, Duration.ofSeconds(3), ca);
        assertThat(bad.ok()).isFalse();
        assertThat(bad.error()).startsWith("TLS: certificate expired on ");
        assertThat(bad.tls().daysToExpiry()).isNegative();
        assertThat(Prober.tls("127.0.0.1", self, Duration.ofSeconds(3), ca).tls().trusted()).isFalse();
    }

    @Test
    void targetsParseFromTheCommandLine() throws Exception {
        int port = http();
        assertThat(ProbeTarget.run("http://127.0.0.1:" + port + "/health;expect=200;body=Heal", Duration.ofSeconds(2), TrustOptions.jdkDefault()).ok()).isTrue();
        assertThat(ProbeTarget.run("tcp://127.0.0.1:" + port, Duration.ofSeconds(2), TrustOptions.jdkDefault()).kind()).isEqualTo(ProbeResult.Kind.TCP);
        assertThat(ProbeTarget.run("http://127.0.0.1:" + port + "/api/slow-endpoint;timeout=300ms".replace("300ms", "1s"), Duration.ofSeconds(9),
                TrustOptions.jdkDefault()).error()).isEqualTo("timed out after 1000 ms waiting for response headers");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProbeTarget.run("ftp://x:21", Duration.ofSeconds(1), TrustOptions.jdkDefault()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a probe target");
    }
}
