package io.arr502.core.diagnosis;

import io.arr502.core.remediation.RemediationPlan;
import io.arr502.core.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: 502.3s whose cause the log cannot show (no sc-win32-status, or 502s without a logged substatus) are a
 * stated partial finding above the noise floor, never "HEALTHY … no 502.3"; and a 502.3 counted without latency
 * never enters a latency statistic.
 */
class UnseenCauseTest {
    @TempDir
    Path dir;

    @Test
    void withoutWin32StatusFiftyResetsAreAnUndeterminedCauseNotHealthy() throws Exception {
        Verdict v = new TrafficScenario(11).ok("/api/orders/4711", 40_000, 40, 180).ok("/", 20_000, 30, 120)
                .fail("/api/orders/4711", 50, 502, 3, 12031, 15).without("sc-win32-status").judge(dir, false);
        Finding top = v.diagnosis().top();
        assertThat(top.cause()).isEqualTo(Cause.UNDETERMINED_502_3);
        assertThat(top.headline()).isEqualTo("50 × 502.3, cause cannot be told: sc-win32-status is not logged");
        assertThat(String.join("\n", top.evidence())).contains("logExtFileFlags", "Win32Status");
        assertThat(v.longOutput()).doesNotContain("HEALTHY").doesNotContain("no 502.3");
        assertThat(v.remediation()).extracting(RemediationPlan::cause).doesNotContain(Cause.UNDETERMINED_502_3);
    }

    @Test
    void withoutWin32StatusOneIsolated502_3StaysHealthyWithItsCount() throws Exception {
        Verdict v = new TrafficScenario(12).ok("/api/orders/4711", 40_000, 40, 180).ok("/", 20_000, 30, 120)
                .fail("/api/orders/4711", 1, 502, 3, 12031, 15).without("sc-win32-status").judge(dir, false);
        assertThat(v.diagnosis().top().cause()).isEqualTo(Cause.HEALTHY);
        assertThat(v.diagnosis().top().headline()).startsWith("1 isolated failure below the noise floor");
    }

    @Test
    void fiftyFailuresWithoutALoggedSubstatusAreUndetermined() throws Exception {
        Verdict v = new TrafficScenario(13).ok("/api/orders/4711", 40_000, 40, 180)
                .fail("/api/orders/4711", 50, 502, 3, 12031, 15).without("sc-substatus").judge(dir, false);
        Finding top = v.diagnosis().top();
        assertThat(top.cause()).isEqualTo(Cause.UNDETERMINED_502_3);
        assertThat(top.headline()).isEqualTo("50 × 502 without a logged substatus (counted as 502.3), cause cannot be told: sc-substatus is not logged");
        assertThat(v.longOutput()).doesNotContain("nothing failing");
    }

    @Test
    void aFewFailuresWithoutALoggedSubstatusAreIsolatedNotNothing() throws Exception {
        Verdict v = new TrafficScenario(14).ok("/api/orders/4711", 40_000, 40, 180)
                .fail("/api/orders/4711", 1, 502, 3, 12031, 15).without("sc-substatus").judge(dir, false);
        assertThat(v.diagnosis().top().cause()).isEqualTo(Cause.HEALTHY);
        assertThat(v.diagnosis().top().headline()).isEqualTo("1 isolated failure below the noise floor (502.- ×1)");
    }

    @Test
    void timeoutsCountedWithoutLatencyNeverPrintNaN() throws Exception {
        Verdict v = new TrafficScenario(15).ok("/api/reports/7", 20_000, 2_000, 9_000).ok("/", 20_000, 30, 120)
                .failWithoutLatency("/api/reports/7", 40, 502, 3, 12002).judge(dir, false);
        assertThat(v.longOutput()).doesNotContain("NaN").doesNotContain("median time-taken 0 ms");
        assertThat(v.diagnosis().top().cause()).isEqualTo(Cause.ARR_TIMEOUT_TOO_LOW);
        assertThat(String.join("\n", v.diagnosis().top().evidence())).contains("40 of 40 502.3 are 12002")
                .contains("no time-taken logged");
    }

    @Test
    void aTimeoutWithoutLatencyDoesNotMoveTheMedianOfTheOthers() throws Exception {
        Verdict v = new TrafficScenario(16).ok("/api/reports/7", 20_000, 2_000, 9_000).ok("/", 20_000, 30, 120)
                .timeouts("/api/reports/7", 30, 30_000).failWithoutLatency("/api/reports/7", 20, 502, 3, 12002).judge(dir, true);
        assertThat(v.longOutput()).doesNotContain("NaN");
        assertThat(String.join("\n", v.diagnosis().top().evidence())).containsPattern("50 × 12002 with median time-taken (29|30),\\d{3} ms");
    }
}
