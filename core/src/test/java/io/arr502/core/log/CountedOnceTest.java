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
 * The state never counts a line twice (issue 19): a log copied again in place while checks run, a cursor past
 * the end of a file that shrank, a file renamed away with its old name written again, a file truncated and
 * written past its old offset. After each, the stateful answer is the answer of reading the files as they are.
 */
class CountedOnceTest {
    static final Instant NOW = Instant.parse("2026-11-24T14:59:30Z");
    static final String HEADER = "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
            + "#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n";

    @TempDir
    Path dir;

    private Path site() throws Exception {
        return Files.createDirectories(dir.resolve("W3SVC1"));
    }

    /** n lines from minute 14:minute, numbered from first so every line is distinct. */
    private static String lines(int first, int n, int minute) {
        StringBuilder b = new StringBuilder();
        for (int i = first; i < first + n; i++) {
            boolean failed = i % 7 == 0;
            b.append(String.format("2026-11-24 14:%02d:%02d /api/item%d %s %d%n", minute, i % 60, i,
                    failed ? "502 3 12002" : "200 0 0", failed ? 30_016 : 40));
        }
        return b.toString();
    }

    private LogRequest stateful(Path state) {
        return LogRequest.of(List.of(dir), Window.last(Duration.ofMinutes(60))).withNow(NOW).withState(state);
    }

    private LogSummary full() throws Exception {
        return LogEngine.analyze(LogRequest.of(List.of(dir), Window.last(Duration.ofMinutes(60))).withNow(NOW));
    }

    private void assertSameAsAFullRead(LogSummary s) throws Exception {
        LogSummary f = full();
        assertThat(s.requests()).isEqualTo(f.requests());
        assertThat(s.count502_3()).isEqualTo(f.count502_3());
        assertThat(s.byStatus()).isEqualTo(f.byStatus());
    }

    @Test
    void aLogCopiedAgainInPlaceWhileChecksRunIsCountedOnce() throws Exception {
        Path f = site().resolve("u_ex261124.log");
        Path state = dir.resolve("st/state.json");
        String whole = HEADER + lines(0, 300, 10);
        Files.writeString(f, whole);
        assertThat(LogEngine.analyze(stateful(state)).requests()).isEqualTo(300);
        // log shipping copies the file again: truncated, then written; a check runs halfway
        String half = whole.substring(0, whole.indexOf('\n', whole.length() / 2) + 1);
        Files.writeString(f, half);
        LogSummary mid = LogEngine.analyze(stateful(state));
        assertThat(mid.notes()).anySatisfy(n -> assertThat(n).contains("shrank").contains("rebuilt"));
        assertSameAsAFullRead(mid);
        Files.writeString(f, whole);
        LogSummary after = LogEngine.analyze(stateful(state));
        assertThat(after.requests()).isEqualTo(300);
        assertSameAsAFullRead(after);
    }

    @Test
    void aFileRenamedAwayWithItsOldNameWrittenAgainIsCountedOnce() throws Exception {
        Path a = site().resolve("u_extend1.log");
        Path state = dir.resolve("state.json");
        Files.writeString(a, HEADER + lines(0, 50, 20));
        LogEngine.analyze(stateful(state));
        // the shipper moves the file aside under another log name and starts the old name over, shorter
        Files.move(a, site().resolve("u_extend0.log"));
        Files.writeString(a, HEADER + lines(1000, 5, 21));
        LogSummary s = LogEngine.analyze(stateful(state));
        assertThat(s.requests()).isEqualTo(55);
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("was renamed to u_extend0.log"));
        assertSameAsAFullRead(s);
    }

    @Test
    void aFileTruncatedAndWrittenPastItsOldOffsetIsNotContinuedMidway() throws Exception {
        Path f = site().resolve("u_ex261124.log");
        Path state = dir.resolve("state.json");
        Files.writeString(f, HEADER + lines(0, 60, 30));
        LogEngine.analyze(stateful(state));
        // same header, same first kilobyte, but other lines where the cursor stood
        Files.writeString(f, HEADER + lines(0, 30, 30) + lines(500, 80, 31));
        LogSummary s = LogEngine.analyze(stateful(state));
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("bytes before the last offset changed"));
        assertThat(s.requests()).isEqualTo(110);
        assertSameAsAFullRead(s);
    }

    @Test
    void aPlantedStateClaimingBillionsOfRequestsIsRebuiltFromTheLogs() throws Exception {
        Path f = site().resolve("u_ex261124.log");
        Path state = dir.resolve("state.json");
        Files.writeString(f, HEADER + lines(0, 140, 40));
        LogSummary honest = LogEngine.analyze(stateful(state));
        assertThat(honest.count502_3()).isEqualTo(20);
        // another account's state: the same cursor, and a minute claiming 15,000,002,000 requests of which 100 failed
        String json = Files.readString(state);
        long minute = NOW.getEpochSecond() / 60 - 5;
        String planted = json.replaceFirst("\"series\":\\{", "\"series\":{\"" + minute + "\":[15000002000,100,0,0,100,0,100],");
        Files.writeString(state, planted);
        Files.writeString(f, lines(140, 1, 41), StandardOpenOption.APPEND);
        LogSummary s = LogEngine.analyze(stateful(state));
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("does not match the logs it describes")
                .contains("15,000,002,140 requests counted"));
        assertThat(s.requests()).isEqualTo(141);
        assertSameAsAFullRead(s);
    }

    /** A state of 30 lines whose text has regex replaced: the next run notes why and counts the 30 lines once. */
    private void assertTamperedStateIsRebuilt(String regex, String replacement, String note) throws Exception {
        Files.writeString(site().resolve("u_ex261124.log"), HEADER + lines(0, 30, 40));
        Path state = dir.resolve("state.json");
        LogEngine.analyze(stateful(state));
        Files.writeString(state, Files.readString(state).replaceFirst(regex, replacement));
        LogSummary s = LogEngine.analyze(stateful(state));
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains(note));
        assertThat(s.requests()).isEqualTo(30);
        assertSameAsAFullRead(s);
    }

    @Test
    void aCursorClaimingMoreLinesThanBytesIsRejected() throws Exception {
        assertTamperedStateIsRebuilt("\"lines\":\\d+", "\"lines\":15000002000", "15,000,002,000 lines in");
    }

    @Test
    void aMinuteThatDisagreesWithItsSeriesIsRebuilt() throws Exception {
        // the minute's own request count raised, the series left alone
        assertTamperedStateIsRebuilt("\"requests\":30", "\"requests\":3000000", "disagrees with its series");
    }
}
