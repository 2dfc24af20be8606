package io.arr502.core.verdict;

import io.arr502.core.log.Window;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.arr502.core.verdict.LogFiles16.FIELDS;
import static io.arr502.core.verdict.LogFiles16.HEADER;
import static io.arr502.core.verdict.LogFiles16.judge;
import static io.arr502.core.verdict.LogFiles16.lines;
import static io.arr502.core.verdict.LogFiles16.write;
import static org.assertj.core.api.Assertions.assertThat;

/** A log that stopped being written is not OK forever; a quiet spell below the threshold is. */
class SilenceTest {
    @TempDir
    Path dir;

    /** Requests from 14:00 to 14:33:19, the newest at 14:33. */
    private Path stoppedAt1433() throws Exception {
        return write(dir, "u_ex261124.log", (HEADER + "#Fields: " + FIELDS + "\r\n" + lines(0, 2000, "/api/orders/1", "200 0 0 15"))
                .getBytes(StandardCharsets.UTF_8)).getParent();
    }

    private static final Window LAST_15 = Window.last(Duration.ofMinutes(15));

    @Test
    void threeHoursOfSilenceIsAWarningByDefault() throws Exception {
        Verdict v = judge(stoppedAt1433(), LAST_15, Instant.parse("2026-11-24T17:34:00Z"), VerdictOptions.defaults().withWindowLabel("15m"));
        assertThat(v.state()).isEqualTo(State.WARNING);
        assertThat(v.summary()).startsWith("no request logged for 3 h (newest 2026-11-24T14:33:00Z): the site may be down, "
                + "its logging disabled or moved (silence over 2 h) - 502.3 rate 0% (0 of 0 requests, window 15m)");
        assertThat(v.perfdata()).extracting(Perfdata::format).contains("'newest_request_age'=10801s;;;0");
    }

    @Test
    void aQuietHourIsNotSilence() throws Exception {
        Verdict v = judge(stoppedAt1433(), LAST_15, Instant.parse("2026-11-24T15:33:00Z"), VerdictOptions.defaults());
        assertThat(v.state()).isEqualTo(State.OK);
        assertThat(v.summary()).doesNotContain("no request logged");
    }

    @Test
    void theThresholdAndStateAreOptions() throws Exception {
        Instant at = Instant.parse("2026-11-24T17:34:00Z");
        assertThat(judge(stoppedAt1433(), LAST_15, at, VerdictOptions.defaults().withSilence(Duration.ofMinutes(30), State.CRITICAL)).state())
                .isEqualTo(State.CRITICAL);
        assertThat(judge(stoppedAt1433(), LAST_15, at, VerdictOptions.defaults().withSilence(Duration.ofHours(4), State.CRITICAL)).state())
                .isEqualTo(State.OK);
        assertThat(judge(stoppedAt1433(), LAST_15, at, VerdictOptions.defaults().withSilence(Duration.ofHours(1), State.UNKNOWN)).state())
                .isEqualTo(State.UNKNOWN);
        Verdict said = judge(stoppedAt1433(), LAST_15, at, VerdictOptions.defaults().withSilence(Duration.ofHours(1), State.OK));
        assertThat(said.state()).isEqualTo(State.OK);
        assertThat(said.summary()).startsWith("no request logged for 3 h");
        assertThat(judge(stoppedAt1433(), LAST_15, at, VerdictOptions.defaults().withSilence(null, State.CRITICAL)).summary())
                .doesNotContain("no request logged");
    }

    @Test
    void oldLogsJudgedWholeAreNotSilence() throws Exception {
        Verdict v = judge(stoppedAt1433(), Window.all(), Instant.parse("2026-12-24T00:00:00Z"), VerdictOptions.defaults());
        assertThat(v.state()).isEqualTo(State.OK);
        assertThat(v.perfdata()).extracting(Perfdata::label).doesNotContain("newest_request_age");
    }

    @Test
    void aStatefulCheckStillSeesTheNewestRequestOnceTheStateForgotIt() throws Exception {
        Path logs = stoppedAt1433();
        Path state = dir.resolve("state.json");
        for (String at : new String[]{"2026-11-24T14:40:00Z", "2026-11-24T17:34:00Z"}) {
            Verdict v = Triage.run(new TriageRequest(List.of(logs), LAST_15, Instant.parse(at), state, null, null, List.of(), null, null,
                    VerdictOptions.defaults(), null));
            assertThat(v.metrics().visibility().newestRequest()).as(at).isEqualTo(Instant.parse("2026-11-24T14:33:59Z"));
            assertThat(v.state()).as(at).isEqualTo(at.startsWith("2026-11-24T14") ? State.OK : State.WARNING);
        }
    }

    @Test
    void headersWithoutAnyRequestAreSilenceToo() throws Exception {
        Path logs = write(dir, "u_ex261124.log", (HEADER + "#Fields: " + FIELDS + "\r\n").getBytes(StandardCharsets.UTF_8)).getParent();
        Verdict v = judge(logs, LAST_15, Instant.parse("2026-11-24T17:34:00Z"), VerdictOptions.defaults());
        assertThat(v.state()).isEqualTo(State.WARNING);
        assertThat(v.summary()).startsWith("no request found in the logs");
        assertThat(v.perfdata()).extracting(Perfdata::format).contains("'newest_request_age'=U;;;0");
    }
}
