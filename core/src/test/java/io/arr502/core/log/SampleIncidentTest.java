package io.arr502.core.log;

import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled sample (samples/incident/logs) tells the README's story: /api/reports/{id} outgrew the
 * 30 s farm timeout between 14:00 and 14:45 UTC. Regenerate it with
 * {@code ./mvnw -pl core test -Dtest=SampleIncidentTest -Darr502.regenerateSamples=true}.
 */
class SampleIncidentTest {
    static final Path SAMPLE = Path.of("../samples/incident/logs/W3SVC1/u_ex261124.log");
    static final Instant T14 = Instant.parse("2026-11-24T14:00:00Z");

    static void regenerate() throws Exception {
        Files.createDirectories(SAMPLE.getParent());
        Files.deleteIfExists(SAMPLE);
        IisLogGenerator g = new IisLogGenerator(20261124).rate(1.5).incident(T14, T14.plusSeconds(45 * 60))
                .recycleAt(T14.plusSeconds(20 * 60));
        g.write(SAMPLE, Instant.parse("2026-11-24T13:30:00Z"), Instant.parse("2026-11-24T14:31:07Z"));
        // W3SVC restarted at 14:31 (an iisreset while the incident went on): IIS writes a new header block
        try (BufferedWriter w = Files.newBufferedWriter(SAMPLE, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            w.write(g.header(Instant.parse("2026-11-24T14:31:09Z")));
            g.writeRequests(w, Instant.parse("2026-11-24T14:31:09Z"), Instant.parse("2026-11-24T15:00:00Z"));
        }
    }

    @Test
    void sampleTellsTheStory() throws Exception {
        if (Boolean.getBoolean("arr502.regenerateSamples")) {
            regenerate();
        }
        assertThat(SAMPLE).exists();
        assertThat(Files.size(SAMPLE)).isLessThan(3_500_000L);
        LogSummary s = LogEngine.analyze(LogRequest.of(List.of(SAMPLE.getParent().getParent()), Window.all()));
        assertThat(s.malformedLines()).isZero();
        assertThat(s.requests()).isBetween(7_000L, 10_000L);
        assertThat(s.rate502_3()).isBetween(2.0, 10.0);
        RouteStats top = s.routes().get(0);
        assertThat(top.route()).isEqualTo("/api/reports/{id}");
        assertThat(top.count502_3()).isGreaterThan(s.count502_3() * 8 / 10);
        assertThat(top.win32For502_3().keySet()).first().isEqualTo(12002);
        assertThat(top.p50TimeTaken502_3()).isBetween(29_700L, 30_300L);
        assertThat(s.win32For502_3()).containsKeys(12002, 12029);
        assertThat(s.win32For502_3().get(12029)).isBetween(1L, 40L);
        // every other route stays fast
        for (RouteStats r : s.routes().subList(1, s.routes().size())) {
            assertThat(r.ok().p99()).as(r.route()).isLessThan(8_000L);
        }
        // the last 15 minutes before the newest request: after the incident, no 502.3 at all
        LogSummary tail = LogEngine.analyze(LogRequest.of(List.of(SAMPLE), Window.lastBeforeNewest(Duration.ofMinutes(10))));
        assertThat(tail.count502_3()).isZero();
        assertThat(tail.requests()).isPositive();
        List<Long> perMinute = new ArrayList<>();
        s.perMinute().forEach(b -> perMinute.add(b.count502_3()));
        assertThat(perMinute.stream().mapToLong(Long::longValue).sum()).isEqualTo(s.count502_3());
    }
}
