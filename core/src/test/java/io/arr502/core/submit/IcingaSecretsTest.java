package io.arr502.core.submit;

import com.sun.net.httpserver.HttpServer;
import io.arr502.core.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 19: an Icinga API 401 body was echoed verbatim (a reflecting endpoint or proxy showed the Basic header),
 * and {@code --api-url http://} sent the password in clear text. A real HTTP server on 127.0.0.1 reflects the
 * request's headers in its error body.
 */
class IcingaSecretsTest {
    private static IcingaSubmitter.Target target(String url, boolean allowHttp) {
        return new IcingaSubmitter.Target(url, "arr502", "s3cret-pw".toCharArray(), null, null, "web01", "arr502", "test",
                Duration.ofSeconds(5), allowHttp);
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> IcingaSubmitter.submit(Verdict.unknown("x"), target("http://127.0.0.1:1", false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http").hasMessageContaining("--api-allow-http");
    }

    @Test
    void anErrorBodyThatReflectsTheAuthorizationHeaderIsNotEchoed() throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            String body = "<html><body>401 Unauthorized. Your request:\nAuthorization: " + ex.getRequestHeaders().getFirst("Authorization")
                    + "\npassword=s3cret-pw\n" + "padding ".repeat(20_000) + "</body></html>";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(401, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        s.start();
        try {
            String url = "http://127.0.0.1:" + s.getAddress().getPort();
            assertThatThrownBy(() -> IcingaSubmitter.submit(Verdict.unknown("x"), target(url, true)))
                    .hasMessageStartingWith("Icinga API answered HTTP 401")
                    .hasMessageNotContaining("s3cret-pw").hasMessageNotContaining("YXJyNTAyOnMzY3JldC1wdw")
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(260).doesNotContain("\n"));
        } finally {
            s.stop(0);
        }
    }

    @Test
    void icingasOwnStatusTextIsShown() {
        IcingaSubmitter.Target t = target("https://x", false);
        assertThat(IcingaSubmitter.answer("{\"error\":403,\"status\":\"No permission to access 'actions/process-check-result'.\"}", t))
                .isEqualTo(": No permission to access 'actions/process-check-result'.");
    }
}
