package io.arr502.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks on several threads give exactly the single-thread result, whatever #Fields does between chunks. */
class ParallelScanTest {
    @TempDir
    Path dir;

    @Test
    void chunksAgreeWithOneThreadAcrossFieldsChanges() throws Exception {
        W3cLogGenerator g = new W3cLogGenerator(11);
        Instant t = Instant.parse("2026-11-24T14:00:00Z");
        StringBuilder sb = new StringBuilder(g.header(t)).append(g.lines(t, 400, 3));
        g.fullFields = false; // layout changes in the middle of the file
        g.reportsSlow = true;
        sb.append(g.header(t.plusSeconds(400))).append(g.lines(t.plusSeconds(400), 300, 3));
        sb.append("2026-11-24 14:12:00 broken line\r\n");
        g.fullFields = true;
        sb.append(g.header(t.plusSeconds(700))).append(g.lines(t.plusSeconds(700), 300, 3));
        Path f = dir.resolve("u_ex261124.log");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        long[] all = {Long.MIN_VALUE, Long.MAX_VALUE};

        Tally one = new Tally();
        new LineScanner(one, all[0], all[1], 10).scan(f, 0, null, 0);
        LogSummary expected = one.summary(1, 0, List.of());
        assertThat(expected.requests()).isEqualTo(g.requests);
        assertThat(expected.malformedLines()).isEqualTo(1);

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int threads = 2; threads <= 7; threads++) {
                Tally many = new Tally();
                ParallelScan.scan(f, Files.size(f), threads, many, all, 10, pool);
                LogSummary got = many.summary(1, 0, List.of());
                assertThat(got.requests()).as("threads %d", threads).isEqualTo(expected.requests());
                assertThat(got.byStatus()).isEqualTo(expected.byStatus());
                assertThat(got.routes()).isEqualTo(expected.routes());
                assertThat(got.perMinute()).isEqualTo(expected.perMinute());
                assertThat(got.malformedExamples()).isEqualTo(expected.malformedExamples());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
