package io.arr502.core.probe;

import io.arr502.core.probe.ProbeResult.Failure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command-line target syntax, parsed and run against loopback servers. */
class ProbeTargetTest {
    private static final Duration FIVE = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    private final LoopbackServers servers = new LoopbackServers();

    @AfterEach
    void stop() throws Exception {
        servers.close();
    }

    @Test
    void httpsTargetWithEveryOption() {
        ProbeTarget t = ProbeTarget.parse("https://app01.contoso.local/api/slow-endpoint?x=1; expect=200-299 ;body=\"ok\"\\s*:\\s*true;"
                + "timeout=1500ms;method=head;follow;ca=/etc/arr502/internal-ca.pem", FIVE);
        assertThat(t.kind()).isEqualTo(ProbeResult.Kind.HTTP);
        assertThat(t.target()).isEqualTo("https://app01.contoso.local/api/slow-endpoint?x=1");
        assertThat(t.host()).isEqualTo("app01.contoso.local");
        assertThat(t.port()).isEqualTo(443);
        assertThat(t.expectFrom()).isEqualTo(200);
        assertThat(t.expectTo()).isEqualTo(299);
        assertThat(t.body().matcher("{\"ok\": true}").find()).isTrue();
        assertThat(t.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(t.method()).isEqualTo("HEAD");
        assertThat(t.followRedirects()).isTrue();
        assertThat(t.ca()).isEqualTo(Path.of("/etc/arr502/internal-ca.pem"));
        assertThat(t.httpSpec(null, null, null).trust().store()).isEqualTo(Path.of("/etc/arr502/internal-ca.pem"));
    }

    @Test
    void defaultsAndTcpTlsTargets() {
        ProbeTarget plain = ProbeTarget.parse("http://10.0.0.21/health", FIVE);
        assertThat(plain.port()).isEqualTo(80);
        assertThat(plain.expectFrom()).isEqualTo(200);
        assertThat(plain.expectTo()).isEqualTo(399);
        assertThat(plain.timeout()).isEqualTo(FIVE);
        assertThat(plain.method()).isEqualTo("GET");
        assertThat(plain.body()).isNull();
        assertThat(ProbeTarget.parse("http://10.0.0.21/health;expect=200", FIVE).expectTo()).isEqualTo(200);

        ProbeTarget tcp = ProbeTarget.parse("TCP://app02.contoso.local:443;timeout=2", FIVE);
        assertThat(tcp.kind()).isEqualTo(ProbeResult.Kind.TCP);
        assertThat(tcp.host()).isEqualTo("app02.contoso.local");
        assertThat(tcp.port()).isEqualTo(443);
        assertThat(tcp.timeout()).isEqualTo(Duration.ofSeconds(2));
        ProbeTarget tls = ProbeTarget.parse("tls://[::1]:8443;ca=ca.jks;timeout=1m", FIVE);
        assertThat(tls.kind()).isEqualTo(ProbeResult.Kind.TLS);
        assertThat(tls.host()).isEqualTo("::1");
        assertThat(tls.timeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void badTargetsSayWhatIsWrongInOneLine() {
        assertBad("ftp://x:21", "not a probe target: ftp://x:21 (use https://host/path, http://host/path, tcp://host:port or tls://host:port)");
        assertBad("app01:443", "not a probe target: app01:443 (use https://host/path, http://host/path, tcp://host:port or tls://host:port)");
        assertBad("", "empty probe target (use https://host/path, http://host/path, tcp://host:port or tls://host:port)");
        assertBad("tcp://app01", "probe target needs host and port: tcp://app01 (e.g. tcp://app01:443)");
        assertBad("tls://app01:443/health", "a tls:// target is host:port only: tls://app01:443/health");
        assertBad("https://app01/;expect=abc", "expect needs a status or a range like 200 or 200-299, not 'abc': https://app01/;expect=abc");
        assertBad("https://app01/;expect=299-200", "expect range is backwards: '299-200': https://app01/;expect=299-200");
        assertBad("https://app01/;body=(", "body is not a valid regular expression: '(' (Unclosed group)");
        assertBad("https://app01/;timeout=soon", "timeout needs a duration like 500ms, 5s or 2m, not 'soon': https://app01/;timeout=soon");
        assertBad("https://app01/;timeout=0s", "probe timeout must be positive: https://app01/;timeout=0s");
        assertBad("https://app01/;method=POST", "method must be GET or HEAD, not 'POST': https://app01/;method=POST");
        assertBad("https://app01/;retries=3", "unknown probe option 'retries' (known: expect, body, timeout, method, follow, ca): https://app01/;retries=3");
        assertBad("tcp://app01:443;expect=200", "option 'expect' does not apply to tcp:// targets: tcp://app01:443;expect=200");
        assertBad("tcp://app01:443;ca=x.pem", "option 'ca' does not apply to tcp:// targets: tcp://app01:443;ca=x.pem");
    }

    private static void assertBad(String text, String message) {
        assertThatThrownBy(() -> ProbeTarget.parse(text, FIVE)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void targetsRunWithTheirOwnTimeoutAndTrust() throws Exception {
        int port = servers.http();
        assertThat(ProbeTarget.run("http://127.0.0.1:" + port + "/health;expect=200;body=Heal", FIVE, null).ok()).isTrue();
        ProbeResult slow = ProbeTarget.run("http://127.0.0.1:" + port + "/api/slow-endpoint;timeout=300ms", Duration.ofSeconds(9), null);
        assertThat(slow.error()).isEqualTo("timed out after 300 ms waiting for response headers");
        ProbeResult tcp = ProbeTarget.run("tcp://127.0.0.1:" + port, FIVE, TrustOptions.jdkDefault());
        assertThat(tcp.kind()).isEqualTo(ProbeResult.Kind.TCP);
        assertThat(tcp.ok()).isTrue();

        TestCerts certs = new TestCerts();
        Instant now = Instant.now();
        int tlsPort = servers.https(certs.server("127.0.0.1", TestCerts.ip("127.0.0.1"), now.minus(1, ChronoUnit.DAYS), now.plus(40, ChronoUnit.DAYS), false));
        Path pem = certs.caPem(tmp);
        assertThat(ProbeTarget.run("tls://127.0.0.1:" + tlsPort, FIVE, null).failure()).isEqualTo(Failure.TLS_UNTRUSTED);
        assertThat(ProbeTarget.run("tls://127.0.0.1:" + tlsPort + ";ca=" + pem, FIVE, null).ok()).isTrue();
        assertThat(ProbeTarget.run("https://127.0.0.1:" + tlsPort + "/health;ca=" + pem, FIVE, null).ok()).isTrue();
        assertThat(ProbeTarget.run("https://127.0.0.1:" + tlsPort + "/health", FIVE, TrustOptions.plus(pem, null)).ok())
                .as("the caller's trust options apply when the target names no ca").isTrue();
    }

    @Test
    void credentialsGoToHttpTargetsOnly() throws Exception {
        int port = servers.http();
        String url = "http://127.0.0.1:" + port + "/secure";
        assertThat(ProbeTarget.run(url, FIVE, null).error()).isEqualTo("status 401 not in 200-399");
        assertThat(ProbeTarget.run(url, FIVE, null, "arr502", "s3cret".toCharArray()).ok()).isTrue();
        assertThat(ProbeTarget.run("tcp://127.0.0.1:" + port, FIVE, null, "arr502", "s3cret".toCharArray()).ok()).isTrue();
    }
}
