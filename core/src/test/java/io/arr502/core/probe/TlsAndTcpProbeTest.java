package io.arr502.core.probe;

import io.arr502.core.probe.ProbeResult.Failure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** TCP reachability and TLS trust checks against real loopback servers. */
class TlsAndTcpProbeTest {
    static TestCerts certs;

    @TempDir
    Path tmp;

    private final LoopbackServers servers = new LoopbackServers();

    @BeforeAll
    static void makeCerts() throws Exception {
        certs = new TestCerts();
    }

    @AfterEach
    void stop() throws Exception {
        servers.close();
    }

    private TrustOptions ca() throws Exception {
        return TrustOptions.plus(certs.caPem(tmp), null);
    }

    private static final Duration T = Duration.ofSeconds(3);

    @Test
    void tcpOpenAndClosedPorts() throws Exception {
        int open = servers.http();
        ProbeResult up = Prober.tcp("127.0.0.1", open, T);
        assertThat(up.ok()).as(up.error()).isTrue();
        assertThat(up.kind()).isEqualTo(ProbeResult.Kind.TCP);
        assertThat(up.target()).isEqualTo("127.0.0.1:" + open);
        assertThat(up.timings().connectMillis()).isBetween(0L, up.timings().totalMillis());

        int closed = LoopbackServers.closedPort();
        ProbeResult down = Prober.tcp("127.0.0.1", closed, T);
        assertThat(down.ok()).isFalse();
        assertThat(down.failure()).isEqualTo(Failure.REFUSED);
        assertThat(down.error()).isEqualTo("connection refused by 127.0.0.1:" + closed);

        assertThat(Prober.tcp("127.0.0.1", 70_000, T).error()).isEqualTo("port out of range: 70000");
        assertThat(Prober.tcp("", 443, T).failure()).isEqualTo(Failure.SETUP);
    }

    @Test
    void anUnresolvableNameFailsWithinTheDeadline() {
        long t0 = System.nanoTime();
        ProbeResult r = Prober.tcp("app01.contoso.invalid", 443, Duration.ofSeconds(2));
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.ok()).isFalse();
        // an offline resolver either answers NXDOMAIN at once or never; both stay inside the deadline
        assertThat(r.failure()).isIn(Failure.DNS, Failure.TIMEOUT);
        assertThat(r.error()).isIn("name not resolved: app01.contoso.invalid", "timed out after 2000 ms resolving app01.contoso.invalid");
        assertThat(took).isLessThan(3_500L);
    }

    @Test
    void trustedCertificateFacts() throws Exception {
        Instant now = Instant.now();
        int port = servers.https(certs.server("127.0.0.1", TestCerts.ip("127.0.0.1"), now.minus(1, ChronoUnit.DAYS),
                now.plus(10, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS), false));
        ProbeResult r = Prober.tls("127.0.0.1", port, T, ca());
        assertThat(r.ok()).as(r.error()).isTrue();
        assertThat(r.kind()).isEqualTo(ProbeResult.Kind.TLS);
        assertThat(r.tls().trusted()).isTrue();
        assertThat(r.tls().hostnameMatches()).isTrue();
        assertThat(r.tls().daysToExpiry()).isEqualTo(10);
        assertThat(r.tls().subject()).isEqualTo("CN=127.0.0.1");
        assertThat(r.tls().issuer()).isEqualTo("CN=arr502 test CA");
        assertThat(r.tls().protocol()).isIn("TLSv1.3", "TLSv1.2");
        assertThat(r.tls().trustError()).isNull();
        assertThat(r.timings().tlsMillis()).isBetween(0L, r.timings().totalMillis());
    }

    @Test
    void daysToExpiryTruncatesTowardZeroLikeCheckHttp() throws Exception {
        Instant now = Instant.parse("2026-11-24T14:00:00Z");
        var keys = TestCerts.keys();
        for (Object[] c : new Object[][]{{Duration.ofDays(40).plusHours(1), 40L}, {Duration.ofHours(23), 0L}, {Duration.ofHours(-1), 0L},
                {Duration.ofDays(-2).minusHours(3), -2L}}) {
            X509Certificate cert = TestCerts.sign("CN=x", keys, "CN=x", keys, now.minus(90, ChronoUnit.DAYS), now.plus((Duration) c[0]), null, false);
            assertThat(Prober.daysToExpiry(cert, now)).as("notAfter now + " + c[0]).isEqualTo((Long) c[1]);
        }
    }

    @Test
    void untrustedExpiredAndWrongNameAreTold() throws Exception {
        Instant now = Instant.now();
        int self = servers.https(certs.server("127.0.0.1", TestCerts.ip("127.0.0.1"), now.minus(1, ChronoUnit.DAYS), now.plus(40, ChronoUnit.DAYS), true));
        int expired = servers.https(certs.server("127.0.0.1", TestCerts.ip("127.0.0.1"), now.minus(30, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS), false));
        int wrongName = servers.https(certs.server("app02.contoso.local", TestCerts.dns("app02.contoso.local"), now.minus(1, ChronoUnit.DAYS),
                now.plus(40, ChronoUnit.DAYS), false));

        ProbeResult untrusted = Prober.tls("127.0.0.1", self, T, ca());
        assertThat(untrusted.failure()).isEqualTo(Failure.TLS_UNTRUSTED);
        assertThat(untrusted.tls().trusted()).isFalse();
        assertThat(untrusted.tls().subject()).isEqualTo("CN=127.0.0.1");
        assertThat(untrusted.tls().trustError()).isEqualTo(untrusted.error());
        assertThat(untrusted.tls().daysToExpiry()).isEqualTo(39);

        ProbeResult old = Prober.tls("127.0.0.1", expired, T, ca());
        assertThat(old.failure()).isEqualTo(Failure.TLS_EXPIRED);
        assertThat(old.error()).startsWith("TLS: certificate expired on ").endsWith(" (PKIX path validation failed)");
        assertThat(old.tls().daysToExpiry()).isEqualTo(-2);
        assertThat(old.tls().trusted()).isFalse();

        ProbeResult name = Prober.tls("127.0.0.1", wrongName, T, ca());
        assertThat(name.failure()).isEqualTo(Failure.TLS_HOSTNAME);
        assertThat(name.error()).isEqualTo("TLS: certificate name does not match the host 127.0.0.1 (certificate is for app02.contoso.local)");
        assertThat(name.tls().trusted()).isTrue();
        assertThat(name.tls().hostnameMatches()).isFalse();
        assertThat(name.failure().win32()).isEqualTo(12175);
    }

    @Test
    void aStalledHandshakeTimesOutInTheHandshake() throws Exception {
        int port = servers.raw(LoopbackServers::silent);
        long t0 = System.nanoTime();
        ProbeResult r = Prober.tls("127.0.0.1", port, Duration.ofMillis(700), TrustOptions.jdkDefault());
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.failure()).isEqualTo(Failure.TIMEOUT);
        assertThat(r.error()).isEqualTo("timed out after 700 ms in the TLS handshake with 127.0.0.1:" + port);
        assertThat(took).isBetween(600L, 2_200L);

        long t1 = System.nanoTime();
        ProbeResult https = Prober.http(HttpProbeSpec.get("https://127.0.0.1:" + port + "/health", Duration.ofMillis(700)));
        assertThat(https.failure()).isEqualTo(Failure.TIMEOUT);
        assertThat(https.error()).isEqualTo("timed out after 700 ms in the TLS handshake with 127.0.0.1:" + port);
        assertThat((System.nanoTime() - t1) / 1_000_000).isLessThan(2_200L);
    }

    @Test
    void aPlainHttpPortIsAHandshakeFailureNotATrustFailure() throws Exception {
        int port = servers.raw(LoopbackServers::plainHttp);
        ProbeResult r = Prober.tls("127.0.0.1", port, T, TrustOptions.jdkDefault());
        assertThat(r.failure()).isEqualTo(Failure.TLS_HANDSHAKE);
        assertThat(r.error()).startsWith("TLS: handshake failed: ");
        assertThat(r.tls()).as("no certificate was shown").isNull();
    }

    @Test
    void aClosedPortIsRefusedNotATlsProblem() throws Exception {
        int closed = LoopbackServers.closedPort();
        ProbeResult r = Prober.tls("127.0.0.1", closed, T, TrustOptions.jdkDefault());
        assertThat(r.failure()).isEqualTo(Failure.REFUSED);
        assertThat(r.tls()).isNull();
    }
}
