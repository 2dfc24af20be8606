package io.arr502.core.diagnosis;

import io.arr502.core.evidence.Evidence;
import io.arr502.core.remediation.RemediationPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long-poll client aborts on a healthy day, in the shape of the real ARR log line in GoAccess #1539:
 * {@code POST /Microsoft-Server-ActiveSync Cmd=Ping&… 502 3 1236 197437}.
 */
class ClientAbortTest {
    @TempDir
    Path dir;

    @Test
    void longPollAbortsOnAHealthyDayAreClientAbortsWithTheRateWithoutThem() throws Exception {
        Evidence ev = new Scenario().lines(2000, "/api/orders/51077", 200, 0, 0, 40)
                .lines(300, "/Microsoft-Server-ActiveSync", 200, 0, 0, 180_000)
                .lines(40, "/Microsoft-Server-ActiveSync", 502, 3, 1236, 197_437)
                .lines(10, "/Microsoft-Server-ActiveSync", 502, 3, 64, 197_437).evidence(dir);
        Diagnosis d = Diagnoser.diagnose(ev, DiagnosisOptions.defaults());

        assertThat(d.findings()).extracting(Finding::cause).containsExactly(Cause.CLIENT_ABORT);
        Finding f = d.top();
        assertThat(f.headline()).isEqualTo("50 502.3 are client aborts (1236/64), not backend failures");
        assertThat(f.evidence()).contains("50 of 50 502.3 are client aborts (win32 1236 ×40, 64 ×10): the client closed the connection",
                "failure rate without them: 0.00 % (0 of 2350 requests) instead of 2.13 % 502.3");
        assertThat(f.evidence()).anySatisfy(l -> assertThat(l).contains("50 abort(s) of 350 requests").contains("--exclude-route"));
        assertThat(RemediationPlanner.plan(d, ev)).isEmpty();
    }

    @Test
    void abortsBesideRealTimeoutsDoNotHideThem() throws Exception {
        Evidence ev = new Scenario().lines(500, "/a", 200, 0, 0, 40).lines(5, "/poll", 502, 3, 1236, 90_000)
                .lines(40, "/api/reports/9", 502, 3, 12002, 29_950).evidence(dir);
        Diagnosis d = Diagnoser.diagnose(ev, DiagnosisOptions.defaults());
        assertThat(d.top().cause()).isEqualTo(Cause.ARR_TIMEOUT_TOO_LOW);
        assertThat(d.findings()).extracting(Finding::cause).contains(Cause.CLIENT_ABORT);
    }
}
