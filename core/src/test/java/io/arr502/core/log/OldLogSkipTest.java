package io.arr502.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sliding window does not read files last written before it starts (IIS writes a line after the time
 * it carries): the answer is the one reading everything gives, with only the files the window reaches
 * read. A file written at the window's very first second is still read, and so is the newest file of a
 * folder whatever its time says (Windows may show a file IIS still holds open with its first write's time).
 */
class OldLogSkipTest {
    static final Instant NOW = Instant.parse("2026-11-24T14:30:30Z");
    /** The 15-minute window ending at NOW starts with minute 14:16. */
    static final Instant WINDOW_START = Instant.parse("2026-11-24T14:16:00Z");

    @TempDir
    Path dir;

    /** Two whole days, each last written at its end; an hour whose last line is the window's first second; the current hour. */
    private Path folder() throws Exception {
        IisLogGenerator g = new IisLogGenerator(9).rate(0.05).incident(NOW.minusSeconds(600), NOW);
        Path site = Files.createDirectories(dir.resolve("W3SVC1"));
        for (int d = 22; d <= 23; d++) {
            Instant day = Instant.parse(String.format("2026-11-%02dT00:00:00Z", d));
            Path f = site.resolve(String.format("u_ex2611%02d.log", d));
            g.write(f, day, day.plus(Duration.ofDays(1)));
            Files.setLastModifiedTime(f, FileTime.from(day.plus(Duration.ofDays(1))));
        }
        Path edge = site.resolve("u_ex26112413.log");
        g.rate(2).write(edge, Instant.parse("2026-11-24T13:00:00Z"), WINDOW_START);
        Files.writeString(edge, g.line(WINDOW_START) + g.eol(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(edge, FileTime.from(WINDOW_START));
        Path current = site.resolve("u_ex26112414.log");
        g.write(current, WINDOW_START.plusSeconds(1), NOW);
        Files.setLastModifiedTime(current, FileTime.from(NOW));
        return site;
    }

    private static LogRequest window(Path site) {
        return LogRequest.of(List.of(site), Window.last(Duration.ofMinutes(15))).withNow(NOW);
    }

    private static void touchAll(Path site, Instant at) throws Exception {
        try (var files = Files.list(site)) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, FileTime.from(at));
            }
        }
    }

    @Test
    void filesLastWrittenBeforeTheWindowAreNotRead() throws Exception {
        Path site = folder();
        LogSummary skipped = LogEngine.analyze(window(site));
        touchAll(site, NOW.plusSeconds(3600)); // every file now looks recent: all are read
        LogSummary all = LogEngine.analyze(window(site));

        assertThat(all.filesRead()).isEqualTo(4);
        assertThat(skipped.filesRead()).isEqualTo(2);
        assertThat(skipped.bytesRead()).isEqualTo(Files.size(site.resolve("u_ex26112413.log")) + Files.size(site.resolve("u_ex26112414.log")));
        assertThat(skipped.requests()).isPositive();
        SameAnswer.assertSameAnswer(skipped, all);
        assertThat(skipped.perMinute().get(0).minute()).isEqualTo(WINDOW_START); // the edge file's last line
    }

    @Test
    void aFileFallingBehindTheStatesMinutesLosesItsCursor() throws Exception {
        Path site = folder();
        Path state = dir.resolve("state.json");
        LogEngine.analyze(window(site).withState(state));
        assertThat(Files.readString(state)).contains("u_ex26112413.log").contains("u_ex26112414.log");

        // two hours on, both files were last written before the 60 minutes the state keeps; the newest is
        // still the one IIS writes, and keeps its cursor
        LogSummary later = LogEngine.analyze(LogRequest.of(List.of(site), Window.last(Duration.ofMinutes(15)))
                .withNow(NOW.plusSeconds(2 * 3600)).withState(state));
        assertThat(later.bytesRead()).isZero();
        assertThat(later.requests()).isZero();
        assertThat(Files.readString(state)).doesNotContain("u_ex26112413.log").contains("u_ex26112414.log");
    }

    @Test
    void theNewestFileIsReadWhateverItsModificationTime() throws Exception {
        Path site = folder();
        LogSummary all = LogEngine.analyze(window(site));
        // as Windows may show it while IIS holds it open: the time of an early write, before the window
        Files.setLastModifiedTime(site.resolve("u_ex26112414.log"), FileTime.from(Instant.parse("2026-11-24T00:00:00Z")));
        LogSummary stale = LogEngine.analyze(window(site));
        assertThat(stale.filesRead()).isEqualTo(2);
        SameAnswer.assertSameAnswer(stale, all);
    }

    @Test
    void aRangeFromTheEarliestInstantReadsEveryFile() throws Exception {
        Path site = folder();
        // its first minute times 60,000 overflows a long: compared as milliseconds it skipped every file
        LogSummary s = LogEngine.analyze(LogRequest.of(List.of(site), Window.range(Instant.MIN, NOW)));
        assertThat(s.filesRead()).isEqualTo(4);
        LogSummary from = LogEngine.analyze(LogRequest.of(List.of(site), Window.range(WINDOW_START, NOW)));
        assertThat(from.filesRead()).isEqualTo(2);
    }

    @Test
    void withStateOldFilesGetNoCursorAndAQuietRunWritesNothing() throws Exception {
        Path site = folder();
        Path state = dir.resolve("state.json");
        LogSummary first = LogEngine.analyze(window(site).withState(state));
        assertThat(first.filesRead()).isEqualTo(2);
        assertThat(Files.readString(state)).doesNotContain("u_ex261122.log").doesNotContain("u_ex261123.log");
        FileTime written = Files.getLastModifiedTime(state);
        Files.setLastModifiedTime(state, FileTime.from(written.toInstant().minusSeconds(60)));
        FileTime before = Files.getLastModifiedTime(state);

        LogSummary again = LogEngine.analyze(window(site).withState(state));
        assertThat(again.bytesRead()).isZero();
        assertThat(again.requests()).isEqualTo(first.requests());
        assertThat(Files.getLastModifiedTime(state)).isEqualTo(before);
    }
}
