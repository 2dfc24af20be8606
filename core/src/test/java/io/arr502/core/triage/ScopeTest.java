package io.arr502.core.triage;

import io.arr502.core.log.Window;
import io.arr502.core.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Route and site filters, through the one triage pipeline, on real W3C logs in two site folders. */
class ScopeTest {
    @TempDir
    Path dir;

    private Path logs() throws Exception {
        StringBuilder one = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\n"
                + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query sc-status sc-substatus sc-win32-status time-taken\n");
        for (int i = 0; i < 100; i++) {
            one.append(String.format("2026-11-24 14:%02d:%02d 10.0.0.10 GET /api/orders/%d - 200 0 0 40%n", i / 60, i % 60, i));
        }
        for (int i = 0; i < 30; i++) {
            // GoAccess #1539's long poll: POST /Microsoft-Server-ActiveSync Cmd=Ping&… 502 3 1236 197437
            one.append(String.format("2026-11-24 14:05:%02d 10.0.0.10 POST /Microsoft-Server-ActiveSync Cmd=Ping 502 3 1236 197437%n", i));
        }
        Files.writeString(Files.createDirectories(dir.resolve("LogFiles/W3SVC1")).resolve("u_ex261124.log"), one);
        StringBuilder two = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\n"
                + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query sc-status sc-substatus sc-win32-status time-taken\n");
        for (int i = 0; i < 20; i++) {
            two.append(String.format("2026-11-24 14:06:%02d 10.0.0.11 GET /health - 502 3 12029 15%n", i));
        }
        Files.writeString(Files.createDirectories(dir.resolve("LogFiles/W3SVC2")).resolve("u_ex261124.log"), two);
        return dir.resolve("LogFiles");
    }

    private Verdict run(Scope s) throws Exception {
        return Triage.run(TriageRequest.ofLogs(List.of(logs()), Window.all()).withScope(s));
    }

    @Test
    void excludedRoutesAndSitesLeaveTheCountsAndTheRateTheThresholdsJudge() throws Exception {
        assertThat(run(Scope.ALL).metrics().requests()).isEqualTo(150);
        Verdict noPoll = run(new Scope(List.of(), List.of("/Microsoft-Server-ActiveSync*"), List.of(), List.of("W3SVC2")));
        assertThat(noPoll.summary()).startsWith("502.3 rate 0% (0 of 100 requests");
        assertThat(noPoll.longOutput()).anySatisfy(l -> assertThat(l).contains(
                "route filter (exclude /Microsoft-Server-ActiveSync*): 1 route(s) with 30 request(s) left out of the lines this run read: /Microsoft-Server-ActiveSync"));

        Verdict onlySite2 = run(new Scope(List.of(), List.of(), List.of("w3svc2"), List.of()));
        assertThat(onlySite2.summary()).startsWith("502.3 rate 100% (20 of 20 requests");
        Verdict regex = run(new Scope(List.of("regex:/api/.*"), List.of(), List.of(), List.of()));
        assertThat(regex.summary()).startsWith("502.3 rate 0% (0 of 100 requests");
    }

    @Test
    void excludedRoutesLeaveEveryFigureNotOnlyThePerRouteOnes() throws Exception {
        Scope noPoll = new Scope(List.of(), List.of("/Microsoft-Server-ActiveSync*"), List.of(), List.of());
        io.arr502.core.log.LogSummary all = Triage.gather(TriageRequest.ofLogs(List.of(logs()), Window.all())).logs();
        io.arr502.core.log.LogSummary s = Triage.gather(TriageRequest.ofLogs(List.of(logs()), Window.all()).withScope(noPoll)).logs();
        // the long polls' minute (14:05) had 30 502.3 1236 before; now its bucket counts the /api lines only
        assertThat(all.perMinute()).anySatisfy(m -> assertThat(m.count502_3()).isEqualTo(30));
        assertThat(s.perMinute()).allSatisfy(m -> assertThat(m.count502_3()).isEqualTo(m.minute().toString().startsWith("2026-11-24T14:06") ? 20 : 0));
        assertThat(s.perMinute().stream().mapToLong(io.arr502.core.log.MinuteBucket::requests).sum()).isEqualTo(120);
        assertThat(s.byStatus()).containsOnlyKeys("200.0", "502.3").containsEntry("502.3", 20L);
        assertThat(s.win32For502_3()).containsOnlyKeys(12029);
        assertThat(s.sites()).extracting(io.arr502.core.log.GroupStats::requests).containsExactly(100L, 20L);
        assertThat(s.visibility().requestsRead()).isEqualTo(120);
        assertThat(s.lastRequest()).isEqualTo(all.lastRequest());
        assertThat(s.notes()).noneSatisfy(n -> assertThat(n).contains("per-minute"));
    }

    @Test
    void aBadPatternIsAOneLineError() {
        assertThatThrownBy(() -> new Scope(List.of("regex:([a"), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a valid route/site pattern: regex:([a");
    }
}
