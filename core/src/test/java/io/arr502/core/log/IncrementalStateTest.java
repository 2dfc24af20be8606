package io.arr502.core.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class IncrementalStateTest {

    static final Instant T14 = Instant.parse("2026-11-24T14:00:00Z");
    static final String HEADER = "#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n";

    @TempDir
    Path dir;

    private Path log(String name) throws Exception {
        return Files.createDirectories(dir.resolve("W3SVC1")).resolve(name);
    }

    private static String line(int minute, int second, String uri, int status, int sub, int win32) {
        return String.format("2026-11-24 14:%02d:%02d %s %d %d %d %d%n", minute, second, uri, status, sub, win32,
                status == 502 ? 29_950 : 40);
    }

    private LogRequest all(Path state) {
        return LogRequest.of(List.of(dir), Window.all()).withState(state);
    }

    @Test
    void secondRunReadsOnlyNewBytesAndCountsEverythingOnce() throws Exception {
        Path f = log("u_ex261124.log");
        Path state = dir.resolve("st/state.json");
        Files.writeString(f, HEADER + line(0, 1, "/a", 200, 0, 0) + line(0, 2, "/a", 502, 3, 12002));
        LogSummary first = LogEngine.analyze(all(state));
        assertThat(first.requests()).isEqualTo(2);
        long size = Files.size(f);
        assertThat(first.bytesRead()).isEqualTo(size);

        LogSummary again = LogEngine.analyze(all(state));
        assertThat(again.bytesRead()).isZero();
        assertThat(again.requests()).as("cumulative for window=all").isEqualTo(2);

        String more = line(1, 0, "/b", 502, 3, 12029);
        Files.writeString(f, more, StandardOpenOption.APPEND);
        LogSummary third = LogEngine.analyze(all(state));
        assertThat(third.bytesRead()).isEqualTo(more.length());
        assertThat(third.requests()).isEqualTo(3);
        assertThat(third.win32For502_3()).containsOnlyKeys(12002, 12029);
    }

    @Test
    void rotationToANewDailyFileIsPickedUpWithoutRereadingTheOld() throws Exception {
        Path day1 = log("u_ex261124.log");
        Path state = dir.resolve("state.json");
        Files.writeString(day1, HEADER + line(0, 1, "/a", 200, 0, 0));
        LogEngine.analyze(all(state));
        Path day2 = log("u_ex261125.log");
        Files.writeString(day2, HEADER + "2026-11-25 00:00:01 /a 200 0 0 10\n");
        LogSummary s = LogEngine.analyze(all(state));
        assertThat(s.requests()).isEqualTo(2);
        assertThat(s.bytesRead()).isEqualTo(Files.size(day2));
        assertThat(s.filesRead()).isEqualTo(1);
    }

    @Test
    void truncatedFileIsCountedAsItIsNowWithANote() throws Exception {
        Path f = log("u_ex261124.log");
        Path state = dir.resolve("state.json");
        Files.writeString(f, HEADER + line(0, 1, "/a", 200, 0, 0) + line(0, 2, "/a", 200, 0, 0));
        LogEngine.analyze(all(state));
        Files.writeString(f, HEADER + line(5, 1, "/c", 502, 3, 12030));
        LogSummary s = LogEngine.analyze(all(state));
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("truncated").contains("rebuilt"));
        assertThat(s.requests()).as("the two lines the truncation removed are no longer counted, the new one once").isEqualTo(1);
        assertThat(s.win32For502_3()).containsOnlyKeys(12030);
    }

    @Test
    void replacedFileWithTheSameNameIsDetectedByItsFirstBytes() throws Exception {
        Path f = log("u_ex261124.log");
        Path state = dir.resolve("state.json");
        Files.writeString(f, "#Date: 2026-11-24 00:00:00\n" + HEADER + line(0, 1, "/a", 200, 0, 0));
        LogEngine.analyze(all(state));
        // same length or longer, different start: a replaced file, not an appended one
        Files.writeString(f, "#Date: 2026-11-24 09:09:09\n" + HEADER + line(0, 1, "/z", 200, 0, 0) + line(0, 2, "/z", 200, 0, 0));
        LogSummary s = LogEngine.analyze(all(state));
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("replaced").contains("rebuilt"));
        assertThat(s.routes()).extracting(RouteStats::route).containsExactly("/z");
        assertThat(s.requests()).as("the replaced file's line is gone with it").isEqualTo(2);
    }

    @Test
    void deletedFilesLeaveTheState() throws Exception {
        Path f = log("u_ex261124.log");
        Path state = dir.resolve("state.json");
        Files.writeString(f, HEADER + line(0, 1, "/a", 200, 0, 0));
        LogEngine.analyze(all(state));
        assertThat(Files.readString(state)).contains("u_ex261124.log");
        Files.delete(f);
        Files.writeString(log("u_ex261125.log"), HEADER.replace("\n", "\n") + "2026-11-25 00:00:01 /a 200 0 0 10\n");
        LogEngine.analyze(all(state));
        assertThat(Files.readString(state)).doesNotContain("u_ex261124.log").contains("u_ex261125.log");
    }

    @Test
    void corruptStateIsReportedAndRebuiltNeverACrash() throws Exception {
        Path f = log("u_ex261124.log");
        Path state = dir.resolve("state.json");
        Files.writeString(f, HEADER + line(0, 1, "/a", 200, 0, 0));
        for (String garbage : List.of("{not json", "", "{\"version\":99}", "{\"version\":1,\"files\":[{\"path\":\"x\"}]}",
                "{\"version\":1,\"mode\":\"all\",\"total\":{\"routes\":{\"/a\":{\"all\":\"!!notbase64\"}}}}")) {
            Files.writeString(state, garbage);
            LogSummary s = LogEngine.analyze(all(state));
            assertThat(s.requests()).as(garbage).isEqualTo(1);
            assertThat(s.notes()).as(garbage).anySatisfy(n -> assertThat(n).contains("rebuilt"));
            assertThat(Files.readString(state)).startsWith("{\"version\":1");
        }
    }

    @Test
    void slidingWindowComesFromStateWithoutRereadingOldBytes() throws Exception {
        IisLogGenerator g = new IisLogGenerator(5).incident(T14, T14.plusSeconds(600)).lf();
        Path f = log("u_ex261124.log");
        Path state = dir.resolve("state.json");
        g.write(f, T14.minusSeconds(1800), T14.plusSeconds(300));
        LogRequest req = LogRequest.of(List.of(dir), Window.last(Duration.ofMinutes(15))).withState(state);
        LogSummary first = LogEngine.analyze(req.withNow(T14.plusSeconds(300)));
        assertThat(first.count502_3()).isPositive();

        // append five more minutes, check every minute like a Nagios service would
        long before = Files.size(f);
        try (var w = Files.newBufferedWriter(f, StandardOpenOption.APPEND)) {
            g.writeRequests(w, T14.plusSeconds(300), T14.plusSeconds(600));
        }
        Instant now = T14.plusSeconds(599);
        LogSummary second = LogEngine.analyze(req.withNow(now));
        assertThat(second.bytesRead()).isEqualTo(Files.size(f) - before);
        long nowMin = now.getEpochSecond() / 60;
        long expected = g.tally.requestsPerMinute.entrySet().stream()
                .filter(e -> e.getKey() > nowMin - 15 && e.getKey() <= nowMin).mapToLong(java.util.Map.Entry::getValue).sum();
        long expected5023 = g.tally.c5023PerMinute.entrySet().stream()
                .filter(e -> e.getKey() > nowMin - 15 && e.getKey() <= nowMin).mapToLong(java.util.Map.Entry::getValue).sum();
        assertThat(second.requests()).isEqualTo(expected);
        assertThat(second.count502_3()).isEqualTo(expected5023);
        // the route percentiles are rebuilt from the per-minute histograms in the state
        assertThat(second.routes().get(0).route()).isEqualTo("/api/reports/{id}");
        assertThat(second.routes().get(0).p50TimeTaken502_3()).isBetween(29_700L, 30_300L);

        // later, the incident has left the window: the alert clears on its own, not because no new lines came
        LogSummary later = LogEngine.analyze(req.withNow(T14.plusSeconds(600 + 16 * 60)));
        assertThat(later.bytesRead()).isZero();
        assertThat(later.count502_3()).isZero();
    }

    @Test
    void concurrentRunsNeitherCorruptNorDoubleCount() throws Exception {
        Path f = log("u_ex261124.log");
        Path state = dir.resolve("state.json");
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 0; i < 2000; i++) {
            b.append(line(i % 60, i % 60, "/a", 200, 0, 0));
        }
        Files.writeString(f, b);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<LogSummary>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(() -> LogEngine.analyze(all(state)));
            }
            long totalRead = 0;
            for (Future<LogSummary> r : pool.invokeAll(runs)) {
                LogSummary s = r.get();
                assertThat(s.requests()).isEqualTo(2000);
                totalRead += s.bytesRead();
            }
            assertThat(totalRead).as("exactly one run read the file").isEqualTo(Files.size(f));
        } finally {
            pool.shutdownNow();
        }
        assertThat(LogEngine.analyze(all(state)).requests()).isEqualTo(2000);
    }
}
