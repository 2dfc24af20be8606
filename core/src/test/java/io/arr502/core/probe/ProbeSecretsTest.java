package io.arr502.core.probe;

import io.arr502.core.log.Window;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import io.arr502.core.verdict.JsonOutput;
import io.arr502.core.verdict.NagiosOutput;
import io.arr502.core.verdict.State;
import io.arr502.core.verdict.TextOutput;
import io.arr502.core.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 19: a probe URL with {@code user:password@} printed the password in the summary, the long output, the
 * diagnosis, a perfdata label and five times in the JSON. The credentials are now sent as basic auth and are
 * in no output; a probe whose set-up is wrong (a missing ca= file, port 99999) is a bad argument, not an
 * unreachable backend. Against real servers on 127.0.0.1.
 */
class ProbeSecretsTest {
    @TempDir
    Path tmp;

    private static Verdict triage(String... targets) {
        return Triage.run(new TriageRequest(List.of(), Window.all(), null, null, null, null, List.of(targets), Duration.ofSeconds(5), null,
                null, null));
    }

    private static void assertNoSecretIn(Verdict v) {
        for (String out : List.of(NagiosOutput.render(v), JsonOutput.render(v), TextOutput.render(v), v.toString())) {
            assertThat(out).doesNotContain("s3cret").doesNotContain("arr502:").doesNotContain("YXJyNTAyOnMzY3JldA");
        }
    }

    @Test
    void credentialsInAProbeUrlAreSentAsBasicAuthAndShownNowhere() throws Exception {
        try (LoopbackServers s = new LoopbackServers()) {
            int port = s.http();
            Verdict ok = triage("http://arr502:s3cret@127.0.0.1:" + port + "/secure");
            assertThat(ok.state()).as(NagiosOutput.render(ok)).isEqualTo(State.OK);
            assertThat(ok.longOutput()).anySatisfy(l -> assertThat(l).contains("http://127.0.0.1:" + port + "/secure: ok"));
            assertNoSecretIn(ok);

            // a failing one goes through the diagnosis and its perfdata label too
            Verdict failed = triage("http://arr502:s3cret@127.0.0.1:" + port + "/broken",
                    "http://arr502:s3cret@127.0.0.1:" + LoopbackServers.closedPort() + "/health");
            assertThat(failed.state()).isEqualTo(State.CRITICAL);
            assertThat(failed.perfdata()).isNotEmpty();
            assertNoSecretIn(failed);
        }
    }

    @Test
    void aBadTargetWithAPasswordIsRefusedWithoutQuotingIt() {
        Verdict v = triage("http://arr502:s3cret@127.0.0.1:99999/health");
        assertThat(v.state()).isEqualTo(State.UNKNOWN);
        assertThat(v.summary()).contains("port outside 1-65535");
        assertNoSecretIn(v);
        assertThatThrownBy(() -> ProbeTarget.parse("https://arr502:s3cret@host/x;nosuch=1", Duration.ofSeconds(1)))
                .hasMessageNotContaining("s3cret").hasMessageContaining("https://host/x");
    }

    @Test
    void aMissingCaFileOrAnImpossiblePortIsABadArgumentNotAnUnreachableBackend() {
        for (String target : List.of("https://127.0.0.1:1/health;ca=" + tmp.resolve("missing.pem"), "tls://127.0.0.1:443;ca=" + tmp.resolve("missing.pem"),
                "tcp://127.0.0.1:99999", "tls://127.0.0.1:0")) {
            Verdict v = triage(target);
            assertThat(v.state()).as(target).isEqualTo(State.UNKNOWN);
            assertThat(v.summary()).as(target).startsWith("probe: ").containsAnyOf("ca file not found", "port outside 1-65535");
            assertThat(v.diagnosis() == null ? "" : v.diagnosis().toString()).doesNotContain("BACKEND_UNREACHABLE");
        }
    }

    @Test
    void redactionRemovesUrlUserinfoAndReflectedCredentials() {
        assertThat(Redact.userinfo("probe https://u:p@h:8443/x?y=https://a:b@c/ done")).isEqualTo("probe https://h:8443/x?y=https://c/ done");
        assertThat(Redact.response("{\"Authorization\": \"Basic YXJyNTAyOnMzY3JldA==\", \"x\":1}\n\nBearer abcdefghijk " + "z".repeat(500), 120))
                .doesNotContain("YXJy").doesNotContain("abcdefghijk").hasSizeLessThanOrEqualTo(121).doesNotContain("\n");
    }
}
