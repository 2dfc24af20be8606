package io.arr502.core.diagnosis;

import io.arr502.core.remediation.RemediationPlan;
import io.arr502.core.remediation.RemediationStep;
import io.arr502.core.verdict.Perfdata;
import io.arr502.core.verdict.State;
import io.arr502.core.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16's scenarios, each built with its cause known, judged by the whole pipeline: state and first cause. */
class NoFalseVerdictTest {
    @TempDir
    Path dir;

    private static Finding top(Verdict v) {
        return v.diagnosis().top();
    }

    private static String perf(Verdict v, String label) {
        return v.perfdata().stream().filter(p -> p.label().equals(label)).map(Perfdata::format).findFirst().orElse(null);
    }

    @Test
    void oneStray12031InSixtyThousandHealthyRequestsIsHealthyNotAConnectionReset() throws Exception {
        Verdict v = new TrafficScenario(1).ok("/api/orders/4711", 40_000, 40, 180).ok("/", 20_000, 30, 120)
                .fail("/api/orders/4711", 1, 502, 3, 12031, 15).judge(dir, false);
        assertThat(v.state()).isEqualTo(State.OK);
        assertThat(top(v).cause()).isEqualTo(Cause.HEALTHY);
        assertThat(top(v).headline()).isEqualTo("1 isolated failure below the noise floor (502.3/12031 ×1)");
        assertThat(v.summary()).contains("HEALTHY: 1 isolated failure below the noise floor (502.3/12031 ×1)");
        assertThat(v.longOutput()).contains(
                "below the noise floor: CONNECTION_RESET: 1 requests lost their backend connection (12030/12031/12152)");
        assertThat(v.diagnosis().findings()).extracting(Finding::cause).containsExactly(Cause.HEALTHY);
        assertThat(io.arr502.core.verdict.JsonOutput.tree(v).at("/belowNoiseFloor/0").asText()).startsWith("CONNECTION_RESET: 1 requests");
    }

    @Test
    void isolatedErrorsOfEveryCodeOnAHealthyDayAreHealthyAndListedByCode() throws Exception {
        TrafficScenario s = new TrafficScenario(2).ok("/api/orders/4711", 40_000, 40, 180).ok("/api/reports/7", 20_000, 2_000, 9_000);
        for (int code : new int[]{12029, 12007, 12030, 12031, 12152, 12175, 12157}) {
            s.fail("/api/orders/4711", 1, 502, 3, code, 20);
        }
        s.timeouts("/api/reports/7", 1, 30_000).fail("/", 1, 502, 4, 0, 1).fail("/api/orders/4711", 1, 504, 0, 0, 60_000);
        Verdict v = s.judge(dir, false);
        assertThat(v.state()).isEqualTo(State.OK);
        assertThat(top(v).cause()).isEqualTo(Cause.HEALTHY);
        assertThat(top(v).headline()).startsWith("10 isolated failures below the noise floor (")
                .contains("502.3/12002 ×1", "502.3/12029 ×1", "502.3/12007 ×1", "502.3/12030 ×1", "502.3/12031 ×1",
                        "502.3/12152 ×1", "502.3/12175 ×1", "502.3/12157 ×1", "502.4 ×1", "504.0 ×1");
        assertThat(top(v).evidence()).contains("noise floor: a cause needs at least 5 failed requests and 0.01 % of all requests");
        assertThat(v.diagnosis().belowNoiseFloor()).extracting(l -> l.substring(0, l.indexOf(':'))).containsExactlyInAnyOrder(
                "ARR_TIMEOUT_TOO_LOW", "BACKEND_UNREACHABLE", "CONNECTION_RESET", "TLS_TRUST_FAILURE", "NO_HEALTHY_SERVER", "UPSTREAM_504");
        assertThat(v.remediation()).isEmpty();
        // one 12002 does not make a timeout to judge headroom by
        assertThat(perf(v, "headroom")).isNull();
    }

    @Test
    void theSameErrorsAboveTheFloorNameTheirCause() throws Exception {
        Verdict v = new TrafficScenario(3).ok("/api/orders/4711", 40_000, 40, 180).ok("/", 20_000, 30, 120)
                .fail("/api/orders/4711", 12, 502, 3, 12031, 15).judge(dir, false);
        assertThat(top(v).cause()).isEqualTo(Cause.CONNECTION_RESET);
        assertThat(top(v).evidence()).contains("share: 12 of 12 failures (100.0 %)");
        assertThat(v.state()).as("0.02 %% stays under the rate thresholds").isEqualTo(State.OK);
    }

    @Test
    void aSignificantRiseAgainstTheBaselineNamesACauseBelowTheRateFloor() throws Exception {
        DiagnosisOptions strict = DiagnosisOptions.defaults().withThresholds(Thresholds.defaults().withNoiseFloor(5, 0.1));
        TrafficScenario s = new TrafficScenario(4).ok("/api/orders/4711", 20_000, 40, 180).fail("/api/orders/4711", 6, 502, 3, 12031, 15);
        Verdict without = s.judge(dir.resolve("a"), false, strict);
        assertThat(top(without).cause()).as("6 of 20,006 is under 0.1 %").isEqualTo(Cause.HEALTHY);
        Verdict with = s.judge(dir.resolve("b"), false, strict.withBaseline(new Baseline(20_000, 0, "last week")));
        assertThat(top(with).cause()).as("a clean baseline makes 6 resets a significant rise").isEqualTo(Cause.CONNECTION_RESET);
    }

    @Test
    void aRouteNearItsTimeoutWarnsBeforeAnyError() throws Exception {
        TrafficScenario s = new TrafficScenario(5).ok("/api/orders/4711", 5_000, 40, 180).ok("/api/reports/7", 1_000, 12_000, 27_000);
        Verdict v = s.judge(dir, true);
        assertThat(v.state()).isEqualTo(State.WARNING);
        assertThat(top(v).cause()).isEqualTo(Cause.TIMEOUT_HEADROOM);
        assertThat(top(v).headline()).startsWith("/api/reports/{id}: successful p99 2").contains("of its 30 s timeout (webFarm[appFarm]");
        assertThat(v.summary()).contains("early warning TIMEOUT_HEADROOM: /api/reports/{id}");
        RouteEnvelope env = v.diagnosis().envelopes().stream().filter(e -> e.route().equals("/api/reports/{id}")).findFirst().orElseThrow();
        assertThat(env.headroomPercent()).isBetween(8.0, 12.0);
        assertThat(perf(v, "headroom")).startsWith("'headroom'=").endsWith("%;20:;;;100");
        assertThat(v.metrics().count502_3()).isZero();

        Verdict critical = s.judge(dir.resolve("c"), true, DiagnosisOptions.defaults().withThresholds(Thresholds.defaults().withHeadroom(20, 12.0)));
        assertThat(critical.state()).isEqualTo(State.CRITICAL);
        assertThat(perf(critical, "headroom")).endsWith("%;20:;12:;;100");
    }

    @Test
    void withoutAKnownTimeoutHeadroomIsNotGuessed() throws Exception {
        Verdict v = new TrafficScenario(6).ok("/api/reports/7", 1_000, 12_000, 27_000).judge(dir, false);
        assertThat(top(v).cause()).isEqualTo(Cause.HEALTHY);
        assertThat(perf(v, "headroom")).isNull();
    }

    @Test
    void twoCausesAtOnceRankByTheirShareWithTheNumbers() throws Exception {
        Verdict v = new TrafficScenario(7).ok("/api/orders/4711", 6_000, 40, 180).ok("/api/reports/7", 600, 9_000, 28_500)
                .timeouts("/api/reports/7", 150, 30_000).fail("/api/orders/4711", 50, 502, 3, 12029, 20).judge(dir, true);
        assertThat(v.diagnosis().findings()).extracting(Finding::cause)
                .startsWith(Cause.ARR_TIMEOUT_TOO_LOW, Cause.BACKEND_UNREACHABLE);
        assertThat(v.diagnosis().findings().get(0).evidence()).contains("share: 150 of 200 failures (75.0 %)");
        assertThat(v.diagnosis().findings().get(1).evidence()).contains("share: 50 of 200 failures (25.0 %)");
        assertThat(v.state()).isEqualTo(State.WARNING); // 200 of 6,800 = 2.9 %
    }

    @Test
    void aFastRouteThatHangsSomeRequestsIsABackendStallAndThePlanDoesNotRaiseTheTimeout() throws Exception {
        // the case: /api/orders answers in 40 ms, 5 % of its requests end in 12002 at 30 s, for 12 minutes
        TrafficScenario s = new TrafficScenario(8).minutes(12).ok("/api/orders/4711", 1_900, 30, 40).timeouts("/api/orders/4711", 100, 30_000)
                .ok("/", 2_000, 30, 120);
        for (boolean config : new boolean[]{true, false}) {
            Verdict v = s.judge(dir.resolve("c" + config), config);
            Finding top = top(v);
            assertThat(top.cause()).as("config " + config).isEqualTo(Cause.BACKEND_STALL);
            assertThat(top.headline()).isEqualTo("/api/orders/{id} hangs some requests: 100 × 12002 at the timeout while successful requests take p99 40 ms");
            assertThat(top.evidence().get(0)).startsWith("/api/orders/{id}: 100 of 2000 requests (5.0 %) end in 12002 at ");
            assertThat(v.diagnosis().findings()).extracting(Finding::cause).doesNotContain(Cause.ARR_TIMEOUT_TOO_LOW);
            assertThat(v.diagnosis().envelopes()).allSatisfy(e -> assertThat(e.recommendedClass()).isNull());
            assertThat(v.remediation()).extracting(RemediationPlan::cause).containsOnly(Cause.BACKEND_STALL);
            assertThat(v.remediation().get(0).title()).isEqualTo("find why the backend stalls or hangs requests; do not raise the timeout");
            assertThat(v.remediation().get(0).notes()).anySatisfy(n -> assertThat(n).contains("the backend hangs those requests"));
            assertThat(v.remediation()).flatExtracting(RemediationPlan::fix).extracting(RemediationStep::display)
                    .noneMatch(d -> d.contains("timeout"));
            assertThat(v.state()).isEqualTo(State.WARNING); // 100 of 4,000 = 2.5 %: above the 1 % warning, under the 5 % critical
        }
    }

    @Test
    void aSlowRouteThatNeedsLongerIsStillATimeoutTooLow() throws Exception {
        // the contrast: the same 12002s on a route whose successful requests reach 28 s
        Verdict v = new TrafficScenario(9).ok("/api/reports/7", 1_900, 9_000, 28_000).timeouts("/api/reports/7", 100, 30_000)
                .ok("/", 2_000, 30, 120).judge(dir, true);
        assertThat(top(v).cause()).isEqualTo(Cause.ARR_TIMEOUT_TOO_LOW);
        assertThat(v.remediation()).extracting(RemediationPlan::cause).contains(Cause.ARR_TIMEOUT_TOO_LOW);
    }

    @Test
    void aRisingRateWarnsBeforeTheAbsoluteThresholds() throws Exception {
        TrafficScenario s = new TrafficScenario(10).ok("/api/orders/4711", 10_000, 40, 180).fail("/api/orders/4711", 30, 502, 3, 12029, 20);
        DiagnosisOptions opt = DiagnosisOptions.defaults().withBaseline(new Baseline(100_000, 20, "last week"));
        Verdict v = s.judge(dir, false, opt);
        assertThat(v.metrics().rate502_3()).isLessThan(1.0);
        assertThat(v.state()).isEqualTo(State.WARNING);
        assertThat(v.diagnosis().findings()).extracting(Finding::cause).containsExactly(Cause.BACKEND_UNREACHABLE, Cause.RISING_502_3);
        Finding rising = v.diagnosis().findings().get(1);
        assertThat(rising.headline()).isEqualTo("502.3 rate 15.0× the baseline's (30 of 10030 now, 20 of 100000 in last week)");
        assertThat(perf(v, "rate_vs_baseline")).isEqualTo("'rate_vs_baseline'=14.96;1.5;;0");

        Verdict critical = s.judge(dir.resolve("c"), false, opt.withThresholds(Thresholds.defaults().withRiseCritical(10.0)));
        assertThat(critical.state()).isEqualTo(State.CRITICAL);
        assertThat(perf(critical, "rate_vs_baseline")).isEqualTo("'rate_vs_baseline'=14.96;1.5;10;0");
    }
}
