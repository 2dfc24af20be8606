package io.arr502.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scanner traffic (issue 19): hundreds of distinct URLs a minute, all 404. Each minute of the run and of the
 * state keeps at most {@link Stats#MINUTE_ROUTES} routes and one "(other routes)" bucket, so the heap of a
 * run and the state file stay bounded (an hour of 2,000 URLs a minute took 6 GB and ended in "Java heap
 * space" with the run's cap alone); the counts stay exact, and the summary says that the bound was hit.
 */
class RouteCardinalityTest {
    static final Instant NOW = Instant.parse("2026-11-24T14:59:59Z");

    @TempDir
    Path dir;

    @Test
    void anHourOfScannerTrafficKeepsAtMostTheMinuteCapOfRoutesPerMinute() throws Exception {
        StringBuilder b = new StringBuilder("#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        for (int m = 0; m < 60; m++) {
            // the site's own route first in the minute, failing, then the scanner
            b.append(String.format("2026-11-24 14:%02d:00 /api/orders/%d 502 3 12002 30016%n", m, 4711 + m));
            for (int k = 0; k < 300; k++) {
                b.append(String.format("2026-11-24 14:%02d:%02d /x%dy%d/wp-login.php 404 0 2 12%n", m, k % 60, m, k));
            }
        }
        Path f = Files.createDirectories(dir.resolve("W3SVC1")).resolve("u_ex261124.log");
        Files.writeString(f, b);
        Path state = dir.resolve("state.json");
        LogSummary s = LogEngine.analyze(LogRequest.of(List.of(f), Window.last(Duration.ofMinutes(60))).withNow(NOW).withState(state));

        assertThat(s.requests()).isEqualTo(60 * 301);
        assertThat(s.routes().stream().mapToLong(RouteStats::requests).sum()).as("nothing lost").isEqualTo(60 * 301);
        assertThat(s.routes().get(0).route()).isEqualTo("/api/orders/{id}");
        assertThat(s.routes().get(0).count502_3()).isEqualTo(60);
        RouteStats other = s.routes().stream().filter(RouteStats::synthetic).findFirst().orElseThrow();
        // each minute keeps its first 100 routes; the window then keeps 2,000 of their 5,941 names
        assertThat(other.requests()).isGreaterThanOrEqualTo(60 * (300 - (Stats.MINUTE_ROUTES - 1)));
        assertThat(s.routes()).hasSize(Stats.MAX_ROUTES + 1);
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("more distinct routes than the engine keeps (100 a minute")
                .contains("are counted as (other routes)"));

        JsonNode minutes = new ObjectMapper().readTree(state.toFile()).get("minutes");
        assertThat(minutes.size()).isEqualTo(60);
        for (Iterator<JsonNode> it = minutes.elements(); it.hasNext(); ) {
            assertThat(it.next().get("routes").size()).isLessThanOrEqualTo(Stats.MINUTE_ROUTES + 1);
        }
        // a later run reads the minutes back under the same cap, and one more minute of scanning adds no route
        Files.writeString(f, "2026-11-24 14:59:30 /late/one 404 0 2 12\n", java.nio.file.StandardOpenOption.APPEND);
        LogSummary again = LogEngine.analyze(LogRequest.of(List.of(f), Window.last(Duration.ofMinutes(60))).withNow(NOW).withState(state));
        assertThat(again.requests()).isEqualTo(60 * 301 + 1);
        assertThat(again.routes().stream().filter(RouteStats::synthetic).findFirst().orElseThrow().requests()).isEqualTo(other.requests() + 1);
    }
}
