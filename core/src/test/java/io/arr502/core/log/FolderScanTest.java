package io.arr502.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of hourly logs, more than {@link FileScanner#PARALLEL_THRESHOLD} in all, read by one, two and
 * four threads: the files are read at once but merged in order, so every count, every minute and every
 * malformed example (file, line, order) is the sequential answer.
 */
class FolderScanTest {
    static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path dir;

    /** Six hourly files; the fourth switches to another field set, the second and fifth carry bad lines. */
    private IisLogGenerator writeFolder(Path site, int hours) throws Exception {
        IisLogGenerator g = new IisLogGenerator(5).rate(6).incident(T.plusSeconds(3600), T.plusSeconds(3 * 3600));
        for (int h = 0; h < hours; h++) {
            Instant from = T.plusSeconds(h * 3600L);
            Path f = site.resolve(String.format("u_ex261124%02d.log", 10 + h));
            if (h == 3) {
                g.fields(IisLogGenerator.DEFAULT_FIELDS);
            }
            g.write(f, from, from.plusSeconds(1800));
            if (h == 1 || h == 4) {
                append(f, "this line is not a request\n");
            }
            try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
                g.writeRequests(w, from.plusSeconds(1800), from.plusSeconds(3600));
            }
        }
        return g;
    }

    private static void append(Path f, String text) throws Exception {
        Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static long folderSize(Path site) throws Exception {
        try (var files = Files.list(site)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** The 1-based number of the bad line in f. */
    private static long lineOf(Path f) throws Exception {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        return lines.indexOf("this line is not a request") + 1;
    }

    @Test
    void aFolderReadByThreadsGivesTheSequentialAnswer() throws Exception {
        Path site = Files.createDirectories(dir.resolve("W3SVC1"));
        IisLogGenerator g = writeFolder(site, 6);
        assertThat(folderSize(site)).isGreaterThan(FileScanner.PARALLEL_THRESHOLD);

        LogSummary one = LogEngine.analyze(LogRequest.of(List.of(site), Window.all()).withThreads(1));
        assertThat(one.requests()).isEqualTo(g.tally.requests);
        assertThat(one.malformedLines()).isEqualTo(2);
        assertThat(one.malformedExamples()).extracting(m -> Path.of(m.file()).getFileName().toString())
                .containsExactly("u_ex26112411.log", "u_ex26112414.log");
        assertThat(one.malformedExamples()).extracting(MalformedLine::lineNumber)
                .containsExactly(lineOf(site.resolve("u_ex26112411.log")), lineOf(site.resolve("u_ex26112414.log")));
        for (int threads : new int[]{2, 4}) {
            SameAnswer.assertSameAnswer(LogEngine.analyze(LogRequest.of(List.of(site), Window.all()).withThreads(threads)), one);
        }
    }

    @Test
    void stateKeepsEveryFilesCursorWhenTheyAreReadAtOnce() throws Exception {
        Path site = Files.createDirectories(dir.resolve("W3SVC1"));
        IisLogGenerator g = writeFolder(site, 6);
        Path state = dir.resolve("state.json");
        LogEngine.analyze(LogRequest.of(List.of(site), Window.all()).withState(state).withThreads(2));

        // an hour appended to two files (each in its own field set), over the parallel threshold, with a bad
        // line in the second; and a new file: the second run reads only those, from each file's cursor
        long before = folderSize(site);
        g.fields(IisLogGenerator.FULL_FIELDS);
        try (BufferedWriter w = Files.newBufferedWriter(site.resolve("u_ex26112412.log"), StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            g.writeRequests(w, T.plusSeconds(3 * 3600), T.plusSeconds(4 * 3600));
        }
        g.fields(IisLogGenerator.DEFAULT_FIELDS);
        Path fifteen = site.resolve("u_ex26112415.log");
        long badLine = Files.readAllLines(fifteen).size() + 1;
        append(fifteen, "this line is not a request\n");
        try (BufferedWriter w = Files.newBufferedWriter(fifteen, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            g.writeRequests(w, T.plusSeconds(6 * 3600), T.plusSeconds(7 * 3600));
        }
        g.write(site.resolve("u_ex26112416.log"), T.plusSeconds(7 * 3600), T.plusSeconds(7 * 3600 + 600));
        assertThat(folderSize(site) - before).isGreaterThan(FileScanner.PARALLEL_THRESHOLD);
        LogSummary again = LogEngine.analyze(LogRequest.of(List.of(site), Window.all()).withState(state).withThreads(2));
        assertThat(again.bytesRead()).isEqualTo(folderSize(site) - before);
        assertThat(again.malformedExamples()).extracting(MalformedLine::lineNumber).containsExactly(badLine);

        LogSummary fresh = LogEngine.analyze(LogRequest.of(List.of(site), Window.all()).withThreads(1));
        assertThat(fresh.requests()).isEqualTo(g.tally.requests);
        assertThat(again.requests()).isEqualTo(fresh.requests());
        assertThat(again.byStatus()).isEqualTo(fresh.byStatus());
        assertThat(again.routes()).isEqualTo(fresh.routes());
        assertThat(again.malformedLines()).isEqualTo(fresh.malformedLines());
    }
}
