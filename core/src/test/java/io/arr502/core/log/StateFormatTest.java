package io.arr502.core.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A state file written by an earlier arr502 (resources/…/state-v1: version 1, per-minute histograms)
 * must carry on where it stopped: only the appended bytes are read, and the window's answer equals a
 * full read of the same log.
 */
class StateFormatTest {
    @TempDir
    Path dir;

    private static String resource(String name) throws Exception {
        try (InputStream in = StateFormatTest.class.getResourceAsStream("state-v1/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aVersion1StateFileIsReadAndContinued() throws Exception {
        Path log = Files.createDirectories(dir.resolve("W3SVC1")).resolve("u_ex261124.log");
        String before = resource("before.log");
        String after = resource("after.log");
        Files.writeString(log, before + after);
        Path state = dir.resolve("state.json");
        Files.writeString(state, resource("state.json").replace("@LOG@",
                log.toAbsolutePath().normalize().toString().replace("\\", "\\\\")));

        Window w = Window.last(Duration.ofMinutes(15));
        Instant now = Instant.parse("2026-11-24T14:10:00Z");
        LogSummary continued = LogEngine.analyze(LogRequest.of(List.of(log), w).withNow(now).withState(state));
        LogSummary full = LogEngine.analyze(LogRequest.of(List.of(log), w).withNow(now));

        assertThat(continued.notes()).isEmpty();
        assertThat(continued.bytesRead()).isEqualTo(after.getBytes(StandardCharsets.UTF_8).length);
        assertThat(continued.requests()).isEqualTo(360);
        // that build kept no exact maximum: its minutes know the largest time-taken to the bucket only
        SameAnswer.assertSameButLatencyBuckets(continued, full);

        // and the state this run wrote reads back the same way (nothing new: nothing read)
        LogSummary again = LogEngine.analyze(LogRequest.of(List.of(log), w).withNow(now).withState(state));
        assertThat(again.bytesRead()).isZero();
        SameAnswer.assertSameButLatencyBuckets(again, full);
        assertThat(again.perMinute()).isEqualTo(full.perMinute());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"truncated", "version as text", "files as object", "minute as array",
            "structure where a number belongs", "deep nesting", "no file path", "not json"})
    void aDamagedStateIsReportedAndRebuiltNeverThrown(String damage) throws Exception {
        Path log = Files.createDirectories(dir.resolve("W3SVC1")).resolve("u_ex261124.log");
        Files.writeString(log, resource("before.log") + resource("after.log"));
        String good = resource("state.json").replace("@LOG@", log.toAbsolutePath().normalize().toString().replace("\\", "\\\\"));
        String bad = switch (damage) {
            case "truncated" -> good.substring(0, good.indexOf("\"minutes\"") + 200);
            case "version as text" -> good.replace("\"version\":1", "\"version\":\"1\"");
            case "files as object" -> good.replaceFirst("\"files\":\\[", "\"files\":{\"x\":").replaceFirst("]}],\"total\"", "]}},\"total\"");
            case "minute as array" -> good.replaceFirst("\"minutes\":\\{\"(\\d+)\":\\{", "\"minutes\":{\"$1\":[{").replaceFirst("}},\"series\"", "}]},\"series\"");
            case "structure where a number belongs" -> good.replaceFirst("\"offset\":\\d+", "\"offset\":{\"a\":[1,2,{\"b\":3}]}");
            case "deep nesting" -> good.replaceFirst("\"malformed\":0", "\"malformed\":" + "[".repeat(100_000));
            case "no file path" -> good.replaceFirst("\"path\":\"[^\"]*\",", "");
            default -> "#Fields: this is not a state file";
        };
        assertThat(bad).isNotEqualTo(good);
        Path state = dir.resolve("state.json");
        Files.writeString(state, bad);
        Window w = Window.last(Duration.ofMinutes(15));
        Instant now = Instant.parse("2026-11-24T14:10:00Z");
        LogSummary s = LogEngine.analyze(LogRequest.of(List.of(log), w).withNow(now).withState(state));
        LogSummary full = LogEngine.analyze(LogRequest.of(List.of(log), w).withNow(now));
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("unreadable").contains("rebuilt"));
        assertThat(s.requests()).isEqualTo(full.requests());
        assertThat(s.routes()).isEqualTo(full.routes());
        // the rebuilt state is whole again
        LogSummary again = LogEngine.analyze(LogRequest.of(List.of(log), w).withNow(now).withState(state));
        assertThat(again.notes()).isEmpty();
        assertThat(again.bytesRead()).isZero();
        assertThat(again.requests()).isEqualTo(full.requests());
    }
}
