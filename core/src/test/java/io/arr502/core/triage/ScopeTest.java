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
        assertThat(noPoll.longOutput()).anySatisfy(l -> assertThat(l).contains("route filter: 1 route(s) with 30 request(s) left out"));

        Verdict onlySite2 = run(new Scope(List.of(), List.of(), List.of("w3svc2"), List.of()));
        assertThat(onlySite2.summary()).startsWith("502.3 rate 100% (20 of 20 requests");
        Verdict regex = run(new Scope(List.of("regex:/api/.*"), List.of(), List.of(), List.of()));
        assertThat(regex.summary()).startsWith("502.3 rate 0% (0 of 100 requests");
    }

    @Test
    void aBadPatternIsAOneLineError() {
        assertThatThrownBy(() -> new Scope(List.of("regex:([a"), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a valid route/site pattern: regex:([a");
    }
}
