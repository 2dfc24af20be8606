package io.arr502.core.probe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Probes leave nothing behind that would keep a check JVM or a Jenkins agent busy. */
class ProbeThreadsTest {
    private final LoopbackServers servers = new LoopbackServers();

    @AfterEach
    void stop() throws Exception {
        servers.close();
    }

    private static Set<Thread> live() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    @Test
    void noNonDaemonThreadOutlivesAProbe() throws Exception {
        int http = servers.http();
        int silent = servers.raw(LoopbackServers::silent);
        int closed = LoopbackServers.closedPort();
        Set<Thread> before = live();
        for (int i = 0; i < 5; i++) {
            Prober.http(HttpProbeSpec.get("http://127.0.0.1:" + http + "/health", Duration.ofSeconds(2)));
            Prober.http(HttpProbeSpec.get("http://127.0.0.1:" + http + "/api/slow-endpoint", Duration.ofMillis(200)));
            Prober.http(HttpProbeSpec.get("https://127.0.0.1:" + silent + "/", Duration.ofMillis(200)));
            Prober.tls("127.0.0.1", silent, Duration.ofMillis(200), null);
            Prober.tcp("127.0.0.1", closed, Duration.ofSeconds(1));
            Prober.tcp("localhost", http, Duration.ofSeconds(1));
        }
        Set<Thread> started = live();
        started.removeAll(before);
        started.removeIf(t -> t.getName().startsWith("test-")); // the test's own servers
        assertThat(started).as("threads the probes started").allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());
        assertThat(started.stream().map(Thread::getName)).allMatch(n -> n.startsWith("OkHttp") || n.startsWith("arr502-probe"));
    }

    @Test
    void theProbeClosesAKeepAliveConnectionItself() throws Exception {
        CountDownLatch clientClosed = new CountDownLatch(1);
        int port = servers.raw(c -> {
            try {
                c.getInputStream().read(new byte[4096]);
                c.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                c.getOutputStream().flush();
                c.setSoTimeout(5_000);
                if (c.getInputStream().read() == -1) {
                    clientClosed.countDown();
                }
            } catch (IOException ignored) {
                // counted as not closed
            }
        });
        ProbeResult r = Prober.http(HttpProbeSpec.get("http://127.0.0.1:" + port + "/health", Duration.ofSeconds(2)));
        assertThat(r.ok()).as(r.error()).isTrue();
        assertThat(clientClosed.await(3, TimeUnit.SECONDS)).as("no pooled connection is kept after the probe").isTrue();
    }
}
