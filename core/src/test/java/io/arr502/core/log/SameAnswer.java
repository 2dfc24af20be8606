package io.arr502.core.log;

import static org.assertj.core.api.Assertions.assertThat;

/** What two summaries of the same log lines share however they were read: threads, runs, state, skipped files. */
final class SameAnswer {
    private SameAnswer() {
    }

    static void assertSameAnswer(LogSummary got, LogSummary want) {
        assertThat(got.routes()).isEqualTo(want.routes());
        assertSameButLatencyBuckets(got, want);
    }

    /**
     * The same, except that the routes' largest times (and percentiles capped by them) need only fall in the
     * same histogram bucket: a state written before the exact maximum was kept knows only its bucket.
     */
    static void assertSameButLatencyBuckets(LogSummary got, LogSummary want) {
        assertThat(got.routes().stream().map(SameAnswer::bucketed).toList()).isEqualTo(want.routes().stream().map(SameAnswer::bucketed).toList());
        assertThat(got.requests()).isEqualTo(want.requests());
        assertThat(got.byStatus()).isEqualTo(want.byStatus());
        assertThat(got.win32For502_3()).isEqualTo(want.win32For502_3());
        assertThat(got.sites()).isEqualTo(want.sites());
        assertThat(got.serverIps()).isEqualTo(want.serverIps());
        assertThat(got.perMinute()).isEqualTo(want.perMinute());
        assertThat(got.malformedLines()).isEqualTo(want.malformedLines());
        assertThat(got.malformedExamples()).isEqualTo(want.malformedExamples());
    }

    private static RouteStats bucketed(RouteStats r) {
        return new RouteStats(r.route(), r.requests(), r.count502_3(), r.count502_4(), r.count504(), bucketed(r.all()), bucketed(r.ok()),
                r.win32For502_3(), Histograms.bucketOfTime(r.p50TimeTaken502_3()), Histograms.bucketOfTime(r.maxTimeTaken502_3()));
    }

    private static Latency bucketed(Latency l) {
        return new Latency(l.count(), Histograms.bucketOfTime(l.p50()), Histograms.bucketOfTime(l.p90()), Histograms.bucketOfTime(l.p99()),
                Histograms.bucketOfTime(l.max()));
    }
}
