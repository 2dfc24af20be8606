package io.arr502.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bundled sample tells the briefing's story: ARR's 30 s farm timeout cuts /api/reports/{id}. */
class SampleIncidentTest {
    static final Path SAMPLE = Path.of("..", "samples", "incident", "logs");

    @Test
    void sampleIsTheSeededGeneratorsOutput() throws Exception {
        assertThat(Files.readString(SAMPLE.resolve("W3SVC1/u_ex261124.log"), StandardCharsets.UTF_8))
                .isEqualTo(SampleIncidentWriter.content());
    }

    @Test
    void reportRouteCarriesTheTimeouts() throws Exception {
        LogSummary s = new LogEngine().analyze(LogRequest.builder().input(SAMPLE)
                .now(Instant.parse("2026-11-24T15:00:00Z")).build());
        assertThat(s.malformedLines()).isZero();
        assertThat(s.count502_3()).isGreaterThan(300);
        RouteStats reports = s.routes().get(0);
        assertThat(reports.route()).isEqualTo("/api/reports/{id}");
        assertThat(reports.count502_3()).isGreaterThan(s.count502_3() * 9 / 10);
        assertThat(reports.win32For502_3().get(12002)).isEqualTo(reports.count502_3());
        assertThat(reports.p50TimeTaken502_3()).isBetween(29_800L, 30_200L);
        assertThat(reports.ok().max()).isLessThan(30_000L);
        assertThat(s.win32For502_3().get(12029)).isBetween(3L, 40L);
        assertThat(s.sites()).extracting(GroupStats::key).containsExactly("W3SVC1");
        assertThat(s.serverIps()).extracting(GroupStats::key).containsExactly("10.0.0.10");
        for (RouteStats r : s.routes().subList(1, s.routes().size())) {
            assertThat(r.ok().p99()).as(r.route()).isLessThan(1_500L);
        }
        // rate: ~2 requests/s overall
        double perSecond = s.requests() / (double) Duration.between(s.firstRequest(), s.lastRequest()).toSeconds();
        assertThat(perSecond).isBetween(1.5, 5.0);
        // the 502.3 minutes sit between 14:00 and 14:45
        assertThat(s.perMinute()).filteredOn(m -> m.count502_3() > 0)
                .allSatisfy(m -> assertThat(m.minute()).isBetween(Instant.parse("2026-11-24T14:00:00Z"), Instant.parse("2026-11-24T14:44:59Z")));
    }

    @Test
    void lastFifteenMinutesAnchoredAtTheNewestRequest() throws Exception {
        LogSummary s = new LogEngine().analyze(LogRequest.builder().input(SAMPLE)
                .window(LogWindow.last(Duration.ofMinutes(15))).anchorLatest(true).build());
        assertThat(s.lastRequest()).isBefore(Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(s.firstRequest()).isAfterOrEqualTo(Instant.parse("2026-11-24T14:40:00Z"));
        assertThat(s.count502_3()).isPositive();
    }
}
