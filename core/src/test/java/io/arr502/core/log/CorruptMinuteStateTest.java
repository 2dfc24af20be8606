package io.arr502.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A per-minute histogram that is valid JSON and valid base64 but not a histogram is only decoded
 * when a later window needs that minute: it must still end as a note and a rebuild, not an exception.
 */
class CorruptMinuteStateTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenHistogramInsideAMinuteIsReportedAndRebuilt() throws Exception {
        Path f = Files.createDirectories(dir.resolve("W3SVC1")).resolve("u_ex261124.log");
        Files.writeString(f, "#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n"
                + "2026-11-24 14:00:01 /api/reports/4711 200 0 0 40\n"
                + "2026-11-24 14:01:02 /api/reports/4712 502 3 12002 29950\n");
        Path state = dir.resolve("state.json");
        LogRequest req = LogRequest.of(List.of(dir), Window.last(Duration.ofMinutes(15))).withState(state)
                .withNow(Instant.parse("2026-11-24T14:05:00Z"));
        assertThat(LogEngine.analyze(req).count502_3()).isEqualTo(1);

        String json = Files.readString(state);
        String broken = json.replaceAll("\"(all|ok|failed[A-Za-z0-9_]*|h[A-Za-z0-9_]*)\"\\s*:\\s*\"[A-Za-z0-9+/=]{8,}\"", "\"$1\":\"AAAAAAAAAAAAAAAAAAAA\"");
        assertThat(broken).as("the state holds base64 histograms to break").isNotEqualTo(json);
        Files.writeString(state, broken);

        LogSummary s = LogEngine.analyze(req);
        assertThat(s.requests()).isEqualTo(2);
        assertThat(s.count502_3()).isEqualTo(1);
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("rebuilt"));
    }
}
