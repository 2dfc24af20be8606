package io.arr502.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import io.arr502.core.verdict.State;
import io.arr502.core.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with a read deadline stops reading when it passes and, with a state file, keeps its place: a
 * backlog is read over several runs, each making progress, and the runs end with the answer one full read
 * gives. A deadline already past is the hardest case: each run then reads only the first lines of its
 * first range (at least one buffer), and every other range is left for later.
 */
class ReadDeadlineTest {
    static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    static final Instant PAST = Instant.EPOCH;

    @TempDir
    Path dir;

    private IisLogGenerator folder(Path site, int hours, double rate) throws Exception {
        IisLogGenerator g = new IisLogGenerator(17).rate(rate).incident(T.plusSeconds(1800), T.plusSeconds(5400));
        for (int h = 0; h < hours; h++) {
            g.write(site.resolve(String.format("u_ex261124%02d.log", 10 + h)), T.plusSeconds(h * 3600L), T.plusSeconds(h * 3600L + 3600));
        }
        return g;
    }

    /** Runs until a run has read everything; returns the last summary and checks each run moved on. */
    private static LogSummary catchUp(LogRequest req) throws Exception {
        long left = Long.MAX_VALUE;
        for (int run = 1; run < 500; run++) {
            LogSummary s = LogEngine.analyze(req);
            // past the deadline only the first range with bytes left reads, one buffer
            assertThat(s.bytesRead()).as("run %d reads something, and no more than a buffer", run).isPositive()
                    .isLessThanOrEqualTo(ChunkScanner.BUFFER);
            if (s.unreadBytes() == 0) {
                assertThat(run).as("a past deadline leaves a backlog for later runs").isGreaterThan(1);
                return s;
            }
            assertThat(s.unreadBytes()).as("run %d leaves less than the one before", run).isLessThan(left);
            left = s.unreadBytes();
        }
        throw new AssertionError("never caught up");
    }

    @Test
    void aBacklogIsReadOverSeveralRunsAndEndsExact() throws Exception {
        Path site = Files.createDirectories(dir.resolve("W3SVC1"));
        IisLogGenerator g = folder(site, 4, 1.2);
        // the newest file ends in a line IIS is still writing: not consumed, and not a backlog either
        Files.writeString(site.resolve("u_ex26112413.log"), "2026-11-24 13:59:59 W3SVC1", java.nio.file.StandardOpenOption.APPEND);
        // "now" right after the logs: the state keeps a day of minutes before it
        LogRequest all = LogRequest.of(List.of(site), Window.all()).withNow(T.plusSeconds(4 * 3600));
        LogSummary last = catchUp(all.withState(dir.resolve("all.json")).withReadDeadline(PAST));

        LogSummary full = LogEngine.analyze(all);
        assertThat(full.requests()).isEqualTo(g.tally.requests);
        SameAnswer.assertSameAnswer(last, full);
    }

    @Test
    void aSlidingWindowCatchesUpInParallelToTheFullReadsAnswer() throws Exception {
        Path site = Files.createDirectories(dir.resolve("W3SVC1"));
        folder(site, 3, 12); // over the parallel threshold: ranges of several files are read at once
        Instant now = T.plusSeconds(3 * 3600 - 30);
        LogRequest window = LogRequest.of(List.of(site), Window.last(Duration.ofMinutes(15))).withNow(now).withThreads(2);
        LogSummary last = catchUp(window.withState(dir.resolve("window.json")).withReadDeadline(PAST));

        LogSummary full = LogEngine.analyze(window);
        assertThat(full.requests()).isPositive();
        SameAnswer.assertSameAnswer(last, full);
    }

    @Test
    void aLargeFileStoppedInItsFirstRangeIsContinuedExactly() throws Exception {
        Path site = Files.createDirectories(dir.resolve("W3SVC1"));
        Path f = site.resolve("u_ex261124.log");
        IisLogGenerator g = new IisLogGenerator(23).rate(400).incident(T.plusSeconds(1200), T.plusSeconds(3600));
        g.write(f, T, T.plusSeconds(2 * 3600));
        assertThat(Files.size(f)).isGreaterThan(LogEngine.SPLIT_THRESHOLD);
        Path state = dir.resolve("big.json");
        LogRequest req = LogRequest.of(List.of(f), Window.all()).withThreads(2).withState(state);

        LogSummary first = LogEngine.analyze(req.withReadDeadline(PAST));
        // the second range was left whole: the cursor can only stand where the first range stopped
        assertThat(first.unreadBytes()).isEqualTo(Files.size(f) - first.bytesRead());
        assertThat(first.bytesRead()).isLessThan(ChunkScanner.BUFFER + 1);
        LogSummary rest = LogEngine.analyze(req);
        assertThat(rest.unreadBytes()).isZero();
        assertThat(rest.bytesRead()).isEqualTo(Files.size(f) - first.bytesRead());
        assertThat(rest.requests()).isEqualTo(g.tally.requests);
        assertThat(rest.byStatus()).isEqualTo(LogEngine.analyze(LogRequest.of(List.of(f), Window.all())).byStatus());
    }

    @Test
    void aVerdictOnPartOfTheLogsIsUnknownWithTheReason() throws Exception {
        Path site = Files.createDirectories(dir.resolve("W3SVC1"));
        folder(site, 2, 1.2);
        Verdict withState = Triage.run(new TriageRequest(List.of(site), Window.all(), null, dir.resolve("v.json"), null, null, List.of(),
                null, null, null, null).withReadDeadline(PAST));
        assertThat(withState.state()).isEqualTo(State.UNKNOWN);
        assertThat(withState.summary()).contains("still reading the log backlog").contains("the next run continues");
        Verdict without = Triage.run(new TriageRequest(List.of(site), Window.all(), null, null, null, null, List.of(),
                null, null, null, null).withReadDeadline(PAST));
        assertThat(without.summary()).contains("without a state file every run starts over");
        Verdict unlimited = Triage.run(new TriageRequest(List.of(site), Window.all(), null, null, null, null, List.of(),
                null, null, null, null));
        assertThat(unlimited.state()).isNotEqualTo(State.UNKNOWN);
    }
}
