package io.arr502.core.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: "max 30079 ms" was printed when every request took 30,016 ms (the top of the histogram's bucket).
 * The largest time-taken is kept exactly, by a one-off read and through the state; a state written before it
 * was kept falls back to the histogram's value, which is never below the truth.
 */
class ExactMaxTest {
    static final Instant NOW = Instant.parse("2026-11-24T14:30:00Z");

    @TempDir
    Path dir;

    private Path log(int from, int n) throws Exception {
        Path f = Files.createDirectories(dir.resolve("W3SVC1")).resolve("u_ex261124.log");
        StringBuilder b = new StringBuilder(Files.exists(f) ? "" : "#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        for (int i = from; i < from + n; i++) {
            b.append(String.format("2026-11-24 14:%02d:%02d /api/reports/%d 502 3 12002 30016%n", 10 + i / 60, i % 60, i));
            b.append(String.format("2026-11-24 14:%02d:%02d /api/reports/%d 200 0 0 1234%n", 10 + i / 60, i % 60, i));
        }
        Files.writeString(f, b, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return f;
    }

    private static void assertExact(RouteStats r) {
        assertThat(r.all().max()).isEqualTo(30_016);
        assertThat(r.maxTimeTaken502_3()).isEqualTo(30_016);
        assertThat(r.ok().max()).isEqualTo(1_234);
        assertThat(r.all().p99()).isLessThanOrEqualTo(30_016);
    }

    @Test
    void theLargestTimeTakenIsExact() throws Exception {
        Path f = log(0, 50);
        assertExact(LogEngine.analyze(LogRequest.of(List.of(f), Window.all())).routes().get(0));
    }

    @Test
    void andStaysExactThroughTheState() throws Exception {
        Path f = log(0, 50);
        Path state = dir.resolve("state.json");
        LogRequest req = LogRequest.of(List.of(f), Window.last(Duration.ofMinutes(60))).withNow(NOW).withState(state);
        assertExact(LogEngine.analyze(req).routes().get(0));
        log(50, 50);
        LogSummary second = LogEngine.analyze(req);
        assertThat(second.bytesRead()).isPositive();
        assertExact(second.routes().get(0));
        assertExact(LogEngine.analyze(req).routes().get(0));
    }

    @Test
    void aStateWithoutItFallsBackToTheHistogramNeverBelowTheTruth() throws Exception {
        Path f = log(0, 50);
        Path state = dir.resolve("state.json");
        LogRequest req = LogRequest.of(List.of(f), Window.last(Duration.ofMinutes(60))).withNow(NOW).withState(state);
        LogEngine.analyze(req);
        Files.writeString(state, Files.readString(state).replaceAll(",\"mx\":\\[[-0-9,]+\\]", ""));
        log(50, 1);
        RouteStats r = LogEngine.analyze(req).routes().get(0);
        assertThat(r.all().max()).isGreaterThanOrEqualTo(30_016).isLessThan(30_100);
    }
}
