package io.arr502.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalStateTest {
    @TempDir
    Path dir;

    private final LogEngine engine = new LogEngine();
    private final Instant t0 = Instant.parse("2026-11-24T14:00:00Z");

    private LogSummary run(Path logs, LogWindow w) throws LogEngineException {
        return engine.analyze(LogRequest.builder().input(logs).stateFile(dir.resolve("state/arr502.state"))
                .window(w).now(t0.plus(Duration.ofMinutes(30))).build());
    }

    private LogSummary full(Path logs, LogWindow w) throws LogEngineException {
        return engine.analyze(LogRequest.builder().input(logs).window(w).now(t0.plus(Duration.ofMinutes(30))).build());
    }

    private static void append(Path f, String s) throws Exception {
        Files.write(f, s.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void assertSame(LogSummary a, LogSummary b) {
        assertThat(a.requests()).isEqualTo(b.requests());
        assertThat(a.byStatus()).isEqualTo(b.byStatus());
        assertThat(a.win32For502_3()).isEqualTo(b.win32For502_3());
        assertThat(a.routes()).isEqualTo(b.routes());
        assertThat(a.sites()).isEqualTo(b.sites());
        assertThat(a.serverIps()).isEqualTo(b.serverIps());
        assertThat(a.perMinute()).isEqualTo(b.perMinute());
        assertThat(a.firstRequest()).isEqualTo(b.firstRequest());
        assertThat(a.lastRequest()).isEqualTo(b.lastRequest());
    }

    @Test
    void appendsInPiecesIncludingAPartialLineGiveTheFullResultAndReadOnlyNewBytes() throws Exception {
        W3cLogGenerator g = new W3cLogGenerator(3);
        g.reportsSlow = true;
        String text = g.header(t0) + g.lines(t0, 1800, 3);
        Path logs = dir.resolve("W3SVC1");
        Files.createDirectories(logs);
        Path f = logs.resolve("u_ex261124.log");
        int cut1 = text.length() / 3 + 17, cut2 = 2 * text.length() / 3 + 5; // mid-line cuts
        append(f, text.substring(0, cut1));
        LogSummary r1 = run(logs, LogWindow.ALL);
        append(f, text.substring(cut1, cut2));
        run(logs, LogWindow.ALL);
        append(f, text.substring(cut2));
        LogSummary r3 = run(logs, LogWindow.ALL);
        assertThat(r1.requests()).isLessThan(g.requests);
        assertThat(r3.requests()).isEqualTo(g.requests);
        assertSame(r3, full(logs, LogWindow.ALL));
        assertThat(r3.bytesRead()).isLessThan(text.length() / 2);

        LogSummary again = run(logs, LogWindow.last(Duration.ofMinutes(15)));
        assertThat(again.bytesRead()).isZero();
        assertSame(again, full(logs, LogWindow.last(Duration.ofMinutes(15))));
        assertThat(again.count502_3()).isPositive();
    }

    @Test
    void rotationToANewFileAndARenamedOldFileAreNotCountedTwice() throws Exception {
        W3cLogGenerator g = new W3cLogGenerator(4);
        Path logs = dir.resolve("W3SVC1");
        Files.createDirectories(logs);
        Path a = logs.resolve("u_extend1.log");
        append(a, g.header(t0) + g.lines(t0, 300, 3));
        run(logs, LogWindow.ALL);
        append(a, g.lines(t0.plusSeconds(300), 60, 3));
        // size-based rollover: the old file keeps growing no more; a new one starts; someone renames the old one
        Files.move(a, logs.resolve("u_extend1.log.old.u_extend9.log"));
        Path renamed = logs.resolve("u_extend0.log");
        Files.move(logs.resolve("u_extend1.log.old.u_extend9.log"), renamed);
        append(logs.resolve("u_extend2.log"), g.header(t0.plusSeconds(360)) + g.lines(t0.plusSeconds(360), 300, 3));
        LogSummary r = run(logs, LogWindow.ALL);
        assertThat(r.requests()).isEqualTo(g.requests);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("now named").contains("u_extend0.log"));
    }

    @Test
    void truncationReplacementAndDeletionAreDetected() throws Exception {
        Path logs = dir.resolve("W3SVC1");
        Files.createDirectories(logs);
        Path f = logs.resolve("u_ex261124.log");
        W3cLogGenerator g = new W3cLogGenerator(5);
        String first = g.header(t0) + g.lines(t0, 120, 3);
        append(f, first);
        long n1 = run(logs, LogWindow.ALL).requests();

        // truncated (copytruncate style) and new lines written from the start
        W3cLogGenerator g2 = new W3cLogGenerator(6);
        Files.writeString(f, g2.header(t0.plusSeconds(600)) + g2.lines(t0.plusSeconds(600), 10, 1));
        LogSummary r2 = run(logs, LogWindow.ALL);
        assertThat(r2.notes()).anySatisfy(n -> assertThat(n).contains("truncated"));
        assertThat(r2.requests()).isEqualTo(n1 + g2.requests);

        // replaced by a different, longer file under the same name
        W3cLogGenerator g3 = new W3cLogGenerator(7);
        Files.writeString(f, "#Software: other\n" + g3.header(t0.plusSeconds(1200)) + g3.lines(t0.plusSeconds(1200), 200, 3));
        LogSummary r3 = run(logs, LogWindow.ALL);
        assertThat(r3.notes()).anySatisfy(n -> assertThat(n).contains("replaced"));
        assertThat(r3.requests()).isEqualTo(n1 + g2.requests + g3.requests);

        // deleted: what was counted stays, nothing is counted twice
        Path other = logs.resolve("u_ex261125.log");
        append(other, W3cLogGenerator.header(t0.plusSeconds(3000), "date time sc-status sc-substatus") + "2026-11-24 14:50:00 200 0\n");
        Files.delete(f);
        LogSummary r4 = run(logs, LogWindow.ALL);
        assertThat(r4.notes()).anySatisfy(n -> assertThat(n).contains("is gone"));
        assertThat(r4.requests()).isEqualTo(n1 + g2.requests + g3.requests + 1);
    }

    @Test
    void aCorruptStateIsReportedAndRebuilt() throws Exception {
        Path logs = dir.resolve("W3SVC1");
        Files.createDirectories(logs);
        W3cLogGenerator g = new W3cLogGenerator(8);
        append(logs.resolve("u_ex261124.log"), g.header(t0) + g.lines(t0, 120, 3));
        run(logs, LogWindow.ALL);
        Path state = dir.resolve("state/arr502.state");
        for (String garbage : List.of("{\"version\":1,\"files\":[{\"path\":7}", "\u0000\u0001binary", "{\"version\":99,\"files\":[],\"minutes\":[]}",
                Files.readString(state).replaceFirst("\"all\":\"[^\"]+\"", "\"all\":\"AAAA\""))) {
            Files.writeString(state, garbage);
            LogSummary r = run(logs, LogWindow.ALL);
            assertThat(r.notes()).as(garbage).anySatisfy(n -> assertThat(n).contains("unreadable").contains("rebuilt"));
            assertThat(r.requests()).isEqualTo(g.requests);
            assertThat(run(logs, LogWindow.ALL).notes()).isEmpty();
        }
    }

    @Test
    void concurrentRunsNeitherCorruptNorDoubleAdvanceTheState() throws Exception {
        Path logs = dir.resolve("W3SVC1");
        Files.createDirectories(logs);
        Path f = logs.resolve("u_ex261124.log");
        W3cLogGenerator g = new W3cLogGenerator(9);
        append(f, g.header(t0));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                append(f, g.lines(t0.plusSeconds(round * 60L), 60, 3));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<LogSummary>> fs = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    Callable<LogSummary> c = () -> {
                        go.await();
                        return run(logs, LogWindow.ALL);
                    };
                    fs.add(pool.submit(c));
                }
                go.countDown();
                long totalBytes = 0;
                for (Future<LogSummary> x : fs) {
                    LogSummary s = x.get();
                    assertThat(s.requests()).isEqualTo(g.requests);
                    assertThat(s.notes()).isEmpty();
                    totalBytes += s.bytesRead();
                }
                assertThat(totalBytes).as("only one run reads the new bytes").isLessThanOrEqualTo(Files.size(f));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
