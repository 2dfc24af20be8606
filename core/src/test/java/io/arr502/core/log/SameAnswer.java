package io.arr502.core.log;

import static org.assertj.core.api.Assertions.assertThat;

/** What two summaries of the same log lines share however they were read: threads, runs, state, skipped files. */
final class SameAnswer {
    private SameAnswer() {
    }

    static void assertSameAnswer(LogSummary got, LogSummary want) {
        assertThat(got.requests()).isEqualTo(want.requests());
        assertThat(got.byStatus()).isEqualTo(want.byStatus());
        assertThat(got.win32For502_3()).isEqualTo(want.win32For502_3());
        assertThat(got.routes()).isEqualTo(want.routes());
        assertThat(got.sites()).isEqualTo(want.sites());
        assertThat(got.serverIps()).isEqualTo(want.serverIps());
        assertThat(got.perMinute()).isEqualTo(want.perMinute());
        assertThat(got.malformedLines()).isEqualTo(want.malformedLines());
        assertThat(got.malformedExamples()).isEqualTo(want.malformedExamples());
    }
}
