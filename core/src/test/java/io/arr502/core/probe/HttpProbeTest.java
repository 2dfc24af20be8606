package io.arr502.core.probe;

import io.arr502.core.probe.ProbeResult.Failure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP(S) probes against real servers on 127.0.0.1, started here, with certificates made here. */
class HttpProbeTest {
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

    private static HttpProbeSpec get(String url) {
        return HttpProbeSpec.get(url, Duration.ofSeconds(3));
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void fastEndpointIsOkWithPhaseTimingsFromOkHttpEvents() throws Exception {
        int port = servers.http();
        ProbeResult r = Prober.http(get("http://127.0.0.1:" + port + "/health").withBody(Pattern.compile("^Healthy$")));
        assertThat(r.ok()).as(r.error()).isTrue();
        assertThat(r.failure()).isNull();
        assertThat(r.error()).isNull();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.timings().dnsMillis()).as("an IP literal needs no lookup").isEqualTo(-1);
        assertThat(r.timings().connectMillis()).isBetween(0L, r.timings().totalMillis());
        assertThat(r.timings().tlsMillis()).isEqualTo(-1);
        assertThat(r.timings().firstByteMillis()).isBetween(r.timings().connectMillis(), r.timings().totalMillis());
        assertThat(r.tls()).isNull();

        ProbeResult byName = Prober.http(get("http://localhost:" + port + "/health"));
        assertThat(byName.ok()).as(byName.error()).isTrue();
        assertThat(byName.timings().dnsMillis()).as("a host name is resolved and timed").isGreaterThanOrEqualTo(0);
    }

    @Test
    void chunkedBodyShorterThanTheMatchWindowIsReadToItsEnd() throws Exception {
        int port = servers.http();
        ProbeResult r = Prober.http(get("http://127.0.0.1:" + port + "/chunked").withBody(Pattern.compile("status: Healthy$")));
        assertThat(r.ok()).as(r.error()).isTrue();
    }

    @Test
    void slowEndpointTimesOutWaitingForHeadersWithinItsOwnDeadline() throws Exception {
        int port = servers.http();
        long t0 = System.nanoTime();
        ProbeResult r = Prober.http(HttpProbeSpec.get("http://127.0.0.1:" + port + "/api/slow-endpoint", Duration.ofMillis(800)));
        long took = millisSince(t0);
        assertThat(r.ok()).isFalse();
        assertThat(r.failure()).isEqualTo(Failure.TIMEOUT);
        assertThat(r.failure().win32()).as("what ARR logs for the same wait").isEqualTo(12002);
        assertThat(r.error()).isEqualTo("timed out after 800 ms waiting for response headers");
        assertThat(r.statusCode()).isEqualTo(-1);
        assertThat(took).as("the probe keeps its own deadline (the server answers only after 3 s)").isBetween(700L, 2_500L);
    }

    @Test
    void stalledBodyTimesOutReadingTheBody() throws Exception {
        int port = servers.http();
        long t0 = System.nanoTime();
        ProbeResult r = Prober.http(HttpProbeSpec.get("http://127.0.0.1:" + port + "/slow-body", Duration.ofMillis(800)));
        assertThat(r.failure()).isEqualTo(Failure.TIMEOUT);
        assertThat(r.error()).isEqualTo("timed out after 800 ms reading the response body");
        assertThat(millisSince(t0)).isLessThan(2_500L);
    }

    @Test
    void statusAndBodyMismatchesAreTheirOwnCategories() throws Exception {
        int port = servers.http();
        ProbeResult broken = Prober.http(get("http://127.0.0.1:" + port + "/broken"));
        assertThat(broken.ok()).isFalse();
        assertThat(broken.statusCode()).isEqualTo(503);
        assertThat(broken.failure()).isEqualTo(Failure.STATUS);
        assertThat(broken.error()).isEqualTo("status 503 not in 200-399");
        assertThat(Prober.http(get("http://127.0.0.1:" + port + "/broken").withExpect(503, 503)).ok()).isTrue();

        ProbeResult body = Prober.http(get("http://127.0.0.1:" + port + "/health").withExpect(200, 299).withBody(Pattern.compile("Degraded")));
        assertThat(body.statusCode()).isEqualTo(200);
        assertThat(body.failure()).isEqualTo(Failure.BODY);
        assertThat(body.error()).isEqualTo("body does not match /Degraded/");
    }

    @Test
    void redirectsAreAnswersUnlessFollowed() throws Exception {
        int port = servers.http();
        String url = "http://127.0.0.1:" + port + "/moved";
        assertThat(Prober.http(get(url)).statusCode()).isEqualTo(302);
        ProbeResult followed = Prober.http(new HttpProbeSpec(url, "GET", 200, 200, Pattern.compile("Healthy"), Duration.ofSeconds(3), true,
                null, null, null));
        assertThat(followed.ok()).as(followed.error()).isTrue();
        assertThat(followed.statusCode()).isEqualTo(200);
    }

    @Test
    void headRequestsHaveNoBodyToRead() throws Exception {
        int port = servers.http();
        ProbeResult r = Prober.http(new HttpProbeSpec("http://127.0.0.1:" + port + "/health", "head", 200, 299, null, Duration.ofSeconds(3),
                false, null, null, null));
        assertThat(r.ok()).as(r.error()).isTrue();
    }

    @Test
    void closedPortIsRefused() throws Exception {
        int port = LoopbackServers.closedPort();
        ProbeResult r = Prober.http(get("http://127.0.0.1:" + port + "/health"));
        assertThat(r.ok()).isFalse();
        assertThat(r.failure()).isEqualTo(Failure.REFUSED);
        assertThat(r.failure().win32()).isEqualTo(12029);
        assertThat(r.error()).isEqualTo("connection refused by 127.0.0.1:" + port);
    }

    @Test
    void resetConnectionIsNamed() throws Exception {
        int port = servers.raw(LoopbackServers::reset);
        ProbeResult r = Prober.http(get("http://127.0.0.1:" + port + "/"));
        assertThat(r.failure()).isEqualTo(Failure.RESET);
        assertThat(r.failure().win32()).isEqualTo(12030);
        assertThat(r.error()).isEqualTo("connection reset by peer (127.0.0.1:" + port + ")");
    }

    @Test
    void hangUpWithoutAResponseIsAClosedConnection() throws Exception {
        int port = servers.raw(LoopbackServers::hangUp);
        ProbeResult r = Prober.http(get("http://127.0.0.1:" + port + "/"));
        assertThat(r.failure()).isEqualTo(Failure.RESET);
        assertThat(r.error()).isEqualTo("connection closed by 127.0.0.1:" + port + " before a complete response");
    }

    @Test
    void httpsWithTheInternalCaSuppliedAsPem() throws Exception {
        Instant now = Instant.now();
        int port = servers.https(certs.server("127.0.0.1", TestCerts.ip("127.0.0.1"), now.minus(1, ChronoUnit.DAYS),
                now.plus(40, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS), false));
        ProbeResult r = Prober.http(get("https://127.0.0.1:" + port + "/health").withTrust(TrustOptions.plus(certs.caPem(tmp), null)));
        assertThat(r.ok()).as(r.error()).isTrue();
        assertThat(r.timings().tlsMillis()).isBetween(0L, r.timings().totalMillis());
        assertThat(r.timings().firstByteMillis()).isGreaterThanOrEqualTo(r.timings().tlsMillis());
        assertThat(r.tls().trusted()).isTrue();
        assertThat(r.tls().hostnameMatches()).isTrue();
        assertThat(r.tls().daysToExpiry()).isEqualTo(40);
        assertThat(r.tls().subject()).isEqualTo("CN=127.0.0.1");
        assertThat(r.tls().issuer()).isEqualTo("CN=arr502 test CA");
        assertThat(r.tls().protocol()).startsWith("TLSv1.");
    }

    @Test
    void httpsWithTheInternalCaSuppliedAsJks() throws Exception {
        Instant now = Instant.now();
        int port = servers.https(certs.server("127.0.0.1", TestCerts.ip("127.0.0.1"), now.minus(1, ChronoUnit.DAYS), now.plus(40, ChronoUnit.DAYS), false));
        Path jks = certs.caJks(tmp, "changeit".toCharArray());
        ProbeResult r = Prober.http(get("https://127.0.0.1:" + port + "/health").withTrust(TrustOptions.plus(jks, "changeit".toCharArray())));
        assertThat(r.ok()).as(r.error()).isTrue();
        ProbeResult only = Prober.http(get("https://127.0.0.1:" + port + "/health").withTrust(new TrustOptions(jks, "changeit".toCharArray(), true)));
        assertThat(only.ok()).as("the JKS alone is enough").isTrue();
    }

    @Test
    void untrustedCertificatesAreTlsTrustFailuresWithTheCertificateFacts() throws Exception {
        Instant now = Instant.now();
        int signed = servers.https(certs.server("127.0.0.1", TestCerts.ip("127.0.0.1"), now.minus(1, ChronoUnit.DAYS), now.plus(40, ChronoUnit.DAYS), false));
        int self = servers.https(certs.server("127.0.0.1", TestCerts.ip("127.0.0.1"), now.minus(1, ChronoUnit.DAYS), now.plus(40, ChronoUnit.DAYS), true));

        ProbeResult unknownCa = Prober.http(get("https://127.0.0.1:" + signed + "/health"));
        assertThat(unknownCa.failure()).isEqualTo(Failure.TLS_UNTRUSTED);
        assertThat(unknownCa.failure().win32()).isEqualTo(12175);
        assertThat(unknownCa.error()).as("the JDK does not know the test CA")
                .isEqualTo("TLS: certificate not trusted, issued by CN=arr502 test CA (PKIX path building failed)");
        assertThat(unknownCa.tls().trusted()).isFalse();
        assertThat(unknownCa.tls().hostnameMatches()).isTrue();
        assertThat(unknownCa.tls().protocol()).isNull();

        ProbeResult selfSigned = Prober.http(get("https://127.0.0.1:" + self + "/health").withTrust(TrustOptions.plus(certs.caPem(tmp), null)));
        assertThat(selfSigned.failure()).isEqualTo(Failure.TLS_UNTRUSTED);
        assertThat(selfSigned.error()).isEqualTo("TLS: certificate not trusted, self-signed CN=127.0.0.1 (PKIX path building failed)");
    }

    @Test
    void expiredCertificateSaysWhen() throws Exception {
        Instant now = Instant.now();
        Instant notAfter = now.minus(2, ChronoUnit.DAYS);
        int port = servers.https(certs.server("127.0.0.1", TestCerts.ip("127.0.0.1"), now.minus(30, ChronoUnit.DAYS), notAfter, false));
        ProbeResult r = Prober.http(get("https://127.0.0.1:" + port + "/health").withTrust(TrustOptions.plus(certs.caPem(tmp), null)));
        assertThat(r.failure()).isEqualTo(Failure.TLS_EXPIRED);
        assertThat(r.error()).isEqualTo("TLS: certificate expired on " + LocalDate.ofInstant(notAfter, ZoneOffset.UTC)
                + " (PKIX path validation failed)");
        assertThat(r.tls().trusted()).isFalse();
        assertThat(r.tls().daysToExpiry()).isEqualTo(-2);
    }

    @Test
    void certificateForAnotherNameIsAHostnameMismatch() throws Exception {
        Instant now = Instant.now();
        int port = servers.https(certs.server("app01.contoso.local", TestCerts.dns("app01.contoso.local"), now.minus(1, ChronoUnit.DAYS),
                now.plus(40, ChronoUnit.DAYS), false));
        ProbeResult r = Prober.http(get("https://127.0.0.1:" + port + "/health").withTrust(TrustOptions.plus(certs.caPem(tmp), null)));
        assertThat(r.failure()).isEqualTo(Failure.TLS_HOSTNAME);
        assertThat(r.error()).isEqualTo("TLS: certificate name does not match the host 127.0.0.1 (certificate is for app01.contoso.local)");
        assertThat(r.tls().trusted()).as("the chain itself is fine").isTrue();
        assertThat(r.tls().hostnameMatches()).isFalse();
    }

    @Test
    void aBadSpecIsASetupFailureNotAnException() throws Exception {
        assertThat(Prober.http(get("ftp://127.0.0.1/")).failure()).isEqualTo(Failure.SETUP);
        assertThat(Prober.http(get("not a url")).error()).isEqualTo("not an http(s) URL: not a url");
        assertThat(Prober.http(new HttpProbeSpec("http://127.0.0.1/", "POST", 200, 399, null, Duration.ofSeconds(1), false, null, null, null))
                .error()).isEqualTo("probe method must be GET or HEAD, not POST");
        assertThat(Prober.http(HttpProbeSpec.get("http://127.0.0.1/", Duration.ZERO)).failure()).isEqualTo(Failure.SETUP);
        ProbeResult missing = Prober.http(get("https://127.0.0.1/").withTrust(TrustOptions.plus(tmp.resolve("nope.pem"), null)));
        assertThat(missing.failure()).isEqualTo(Failure.SETUP);
        assertThat(missing.error()).startsWith("cannot use trust store " + tmp.resolve("nope.pem"));
    }

    @Test
    void basicAuthCredentialsReachTheServerAndAreNeverShown() throws Exception {
        int port = servers.http();
        String url = "http://127.0.0.1:" + port + "/secure";
        assertThat(Prober.http(get(url)).error()).isEqualTo("status 401 not in 200-399");
        HttpProbeSpec spec = get(url).withCredentials("arr502", "s3cret".toCharArray());
        ProbeResult ok = Prober.http(spec);
        assertThat(ok.ok()).isTrue();
        assertThat(ok.toString()).doesNotContain("s3cret");
        assertThat(spec.toString()).contains("user arr502 (password hidden)").doesNotContain("s3cret");
        ProbeResult wrong = Prober.http(get(url).withCredentials("arr502", "guess".toCharArray()));
        assertThat(wrong.error()).isEqualTo("status 401 not in 200-399").doesNotContain("guess");
    }
}
