package io.arr502.core.verify;

import io.arr502.core.diagnosis.Baseline;
import io.arr502.core.diagnosis.RegressionSettings;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.log.LogEngine;
import io.arr502.core.log.LogRequest;
import io.arr502.core.log.Window;
import io.arr502.core.probe.ProbeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerifierTest {
    @TempDir
    Path tmp;

    /** A clock the sleeper moves forward: polls happen at 0 s, 30 s, 60 s, … without waiting. */
    static final class FakeTime extends Clock {
        Instant now = Instant.parse("2026-11-24T15:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private Evidence logs(int ok, int failed) throws Exception {
        Path f = Files.createTempDirectory(tmp, "w").resolve("u_ex261124.log");
        StringBuilder b = new StringBuilder("#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        for (int i = 0; i < ok; i++) {
            b.append("2026-11-24 15:00:01 /api/reports/1 200 0 0 12000\n");
        }
        for (int i = 0; i < failed; i++) {
            b.append("2026-11-24 15:00:02 /api/reports/1 502 3 12002 29990\n");
        }
        Files.writeString(f, b);
        return new Evidence(LogEngine.analyze(LogRequest.of(List.of(f), Window.all())), null, null, List.of(), null, List.of());
    }

    private static VerifyOptions opts(Baseline b) {
        return new VerifyOptions(Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofSeconds(30), b,
                RegressionSettings.defaults(), 1.0);
    }

    @Test
    void passesOnlyAfterAWholeRecoveryWindowOfGoodPolls() throws Exception {
        Deque<Evidence> polls = new ArrayDeque<>(List.of(logs(100, 30), logs(200, 0), logs(200, 0), logs(200, 0), logs(200, 0), logs(200, 0)));
        FakeTime t = new FakeTime();
        VerificationResult r = Verifier.verify(polls::poll, opts(new Baseline(10_000, 2, "before the change")), t,
                d -> t.now = t.now.plus(d));
        assertThat(r.passed()).isTrue();
        assertThat(r.polls()).isEqualTo(6); // one bad, then 0 s … 120 s of good ones
        assertThat(r.history().get(0)).contains("502.3 rate not back to baseline");
    }

    @Test
    void failsAtTheDeadlineNamingTheCriterionWithNumbers() throws Exception {
        Evidence bad = logs(100, 20);
        FakeTime t = new FakeTime();
        VerificationResult r = Verifier.verify(() -> bad, opts(null), t, d -> t.now = t.now.plus(d));
        assertThat(r.passed()).isFalse();
        assertThat(r.failedCriterion()).isEqualTo("502.3 rate 16.67 % above 1.00 % (20 of 120)");
        assertThat(r.polls()).isEqualTo(21);
    }

    @Test
    void longPollClientAbortsDoNotFailVerificationUnlessJudged() throws Exception {
        // GoAccess #1539's shape: a long poll the client gave up on, 502.3 with win32 1236 after ~197 s
        Path f = Files.createTempDirectory(tmp, "w").resolve("u_ex261124.log");
        StringBuilder b = new StringBuilder("#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        for (int i = 0; i < 200; i++) {
            b.append("2026-11-24 15:00:01 /api/reports/1 200 0 0 12000\n");
        }
        for (int i = 0; i < 20; i++) {
            b.append("2026-11-24 15:00:02 /Microsoft-Server-ActiveSync 502 3 1236 197437\n");
        }
        Files.writeString(f, b);
        Evidence polled = new Evidence(LogEngine.analyze(LogRequest.of(List.of(f), Window.all())), null, null, List.of(), null, List.of());
        FakeTime t = new FakeTime();
        VerificationResult r = Verifier.verify(() -> polled, opts(null), t, d -> t.now = t.now.plus(d));
        assertThat(r.passed()).isTrue();
        assertThat(r.history().get(0)).endsWith(" ok (220 requests, 0 × 502.3; 20 client aborts not judged)");

        FakeTime t2 = new FakeTime();
        VerificationResult judged = Verifier.verify(() -> polled, opts(null).withClientAbortsJudged(true), t2, d -> t2.now = t2.now.plus(d));
        assertThat(judged.passed()).isFalse();
        assertThat(judged.failedCriterion()).isEqualTo("502.3 rate 9.09 % above 1.00 % (20 of 220; 20 client aborts judged (--judge-client-aborts))");
    }

    @Test
    void aRedProbeFailsVerification() throws Exception {
        Evidence good = logs(200, 0);
        Evidence withProbe = new Evidence(good.logs(), null, null, List.of(new ProbeResult(ProbeResult.Kind.HTTP,
                "https://portal/api/slow-endpoint", false, -1, null, null, "timed out after 5000 ms waiting for response headers")), null, List.of());
        FakeTime t = new FakeTime();
        VerificationResult r = Verifier.verify(() -> withProbe, opts(null), t, d -> t.now = t.now.plus(d));
        assertThat(r.failedCriterion()).isEqualTo("probe https://portal/api/slow-endpoint failed: timed out after 5000 ms waiting for response headers");
    }

    @Test
    void reallyWaitsBetweenPolls() throws Exception {
        Evidence good = logs(200, 0);
        long t0 = System.nanoTime();
        VerificationResult r = Verifier.verify(() -> good, new VerifyOptions(Duration.ofMillis(300), Duration.ofSeconds(5),
                Duration.ofMillis(100), null, RegressionSettings.defaults(), 1.0), Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
        assertThat(r.passed()).isTrue();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(300_000_000L);
    }

    @Test
    void aRecoveryWindowWithoutRequestsOrProbesIsUnknownNeverPassed() throws Exception {
        Evidence empty = logs(0, 0);
        FakeTime t = new FakeTime();
        VerificationResult r = Verifier.verify(() -> empty, opts(null), t, d -> t.now = t.now.plus(d));
        assertThat(r.passed()).isFalse();
        assertThat(r.outcome()).isEqualTo(VerificationResult.Outcome.UNKNOWN);
        assertThat(r.failedCriterion()).isEqualTo("no evidence: 0 request(s) in the window, fewer than 20 and no probe");
        // a handful of requests is no evidence either
        Evidence few = logs(5, 0);
        assertThat(Verifier.verify(() -> few, opts(null), t, d -> t.now = t.now.plus(d)).outcome()).isEqualTo(VerificationResult.Outcome.UNKNOWN);
    }

    @Test
    void probesThatAnswerAreEvidenceWhenTheWindowIsQuiet() throws Exception {
        Evidence quiet = logs(0, 0);
        Evidence probed = new Evidence(quiet.logs(), null, null, List.of(new ProbeResult(ProbeResult.Kind.HTTP,
                "https://portal/api/reports/1", true, 200, null, null, null)), null, List.of());
        FakeTime t = new FakeTime();
        VerificationResult r = Verifier.verify(() -> probed, opts(null), t, d -> t.now = t.now.plus(d));
        assertThat(r.outcome()).isEqualTo(VerificationResult.Outcome.PASSED);
        assertThat(r.history().get(0)).contains("1 probe(s) green");
    }

    @Test
    void failuresThenSilenceStayFailed() throws Exception {
        Deque<Evidence> polls = new ArrayDeque<>(List.of(logs(100, 30)));
        Evidence empty = logs(0, 0);
        FakeTime t = new FakeTime();
        VerificationResult r = Verifier.verify(() -> polls.isEmpty() ? empty : polls.poll(), opts(null), t, d -> t.now = t.now.plus(d));
        assertThat(r.outcome()).isEqualTo(VerificationResult.Outcome.FAILED);
        assertThat(r.failedCriterion()).startsWith("502.3 rate 23.08 %");
    }
}
