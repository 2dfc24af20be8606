package io.arr502.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The #Fields change sits early in a large file, so the second chunk starts under a layout that
 * differs from the file's first one: its assumed layout is wrong and its lines must be redone
 * with the right one (LogEngineTest puts the change late, where the assumption holds).
 */
class ParallelLayoutTest {
    @TempDir
    Path dir;

    @Test
    void aLaterChunkStartingUnderAChangedLayoutIsRedoneExactly() throws Exception {
        Instant t = Instant.parse("2026-11-24T13:40:00Z");
        IisLogGenerator g = new IisLogGenerator(21).incident(t.plusSeconds(1200), t.plusSeconds(3600)).rate(400);
        Path f = Files.createDirectories(dir.resolve("W3SVC1")).resolve("u_ex261124.log");
        g.write(f, t, t.plusSeconds(300));
        g.fields(IisLogGenerator.DEFAULT_FIELDS);
        g.write(f, t.plusSeconds(300), t.plusSeconds(2 * 3600));
        // a bad line at the very end, in the last chunk: its example must carry its line number in the file
        long badLine;
        try (var lines = Files.lines(f)) {
            badLine = lines.count() + 1;
        }
        Files.writeString(f, "this line is not a request\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(Files.size(f)).isGreaterThan(LogEngine.SPLIT_THRESHOLD);

        LogSummary one = LogEngine.analyze(LogRequest.of(List.of(f), Window.all()).withThreads(1));
        assertThat(one.requests()).isEqualTo(g.tally.requests);
        assertThat(one.malformedExamples()).extracting(MalformedLine::lineNumber).containsExactly(badLine);
        // what the read could see: every line, the requests among them (lines less directives and the bad one)
        assertThat(one.visibility().linesRead()).isEqualTo(badLine);
        assertThat(one.visibility().requestsRead()).isEqualTo(g.tally.requests);
        assertThat(one.visibility().malformedRead()).isEqualTo(1);
        // one chunk per thread: 4 threads also chain assumptions through chunks that begin with no directive
        for (int threads : new int[]{2, 4}) {
            LogSummary par = LogEngine.analyze(LogRequest.of(List.of(f), Window.all()).withThreads(threads));
            SameAnswer.assertSameAnswer(par, one);
            assertThat(par.visibility()).as(threads + " threads, the redone chunk counted once").isEqualTo(one.visibility());
        }
    }
}
