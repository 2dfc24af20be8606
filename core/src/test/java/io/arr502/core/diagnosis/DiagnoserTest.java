package io.arr502.core.diagnosis;

import io.arr502.core.evidence.Evidence;
import io.arr502.core.remediation.RemediationPlan;
import io.arr502.core.remediation.RemediationPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnoserTest {
    @TempDir
    Path dir;

    private Diagnosis diagnose(Scenario s) throws Exception {
        return Diagnoser.diagnose(s.evidence(dir), DiagnosisOptions.defaults());
    }

    @Test
    void timeoutOnOneRouteIsArrTimeoutTooLowWithTheNumbers() throws Exception {
        Diagnosis d = diagnose(new Scenario()
                .lines(300, "/api/orders/1", 200, 0, 0, 80)
                .lines(200, "/", 200, 0, 0, 40)
                .lines(100, "/health", 200, 0, 0, 5)
                .lines(40, "/api/reports/7", 200, 0, 0, 25_000)
                .lines(60, "/api/reports/9", 502, 3, 12002, 29_950));
        Finding top = d.top();
        assertThat(top.cause()).isEqualTo(Cause.ARR_TIMEOUT_TOO_LOW);
        assertThat(top.confidence()).isGreaterThan(0.8);
        assertThat(top.evidence()).anySatisfy(e -> assertThat(e).contains("60 of 60 502.3 are 12002"));
        assertThat(top.evidence()).anySatisfy(e -> assertThat(e).contains("/api/reports/{id}: 60 × 12002")
                .contains("of the 30 s timeout (inferred from 12002 time-taken)"));
        RouteEnvelope env = d.envelopes().stream().filter(e -> e.route().equals("/api/reports/{id}")).findFirst().orElseThrow();
        assertThat(env.effectiveTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(env.recommendedClass()).isEqualTo("report");
        assertThat(env.recommendedTimeout()).isEqualTo(Duration.ofSeconds(120));
        RouteEnvelope orders = d.envelopes().stream().filter(e -> e.route().equals("/api/orders/{id}")).findFirst().orElseThrow();
        assertThat(orders.recommendedClass()).as("fast routes keep their timeout").isNull();
        assertThat(orders.headroomPercent()).isGreaterThan(99);
    }

    @Test
    void timeoutsAcrossEveryRouteAreABackendStallNotATimeoutSetting() throws Exception {
        Diagnosis d = diagnose(new Scenario()
                .lines(50, "/api/orders/1", 502, 3, 12002, 29_950)
                .lines(50, "/", 502, 3, 12002, 29_950)
                .lines(50, "/health", 502, 3, 12002, 29_950)
                .lines(50, "/api/customers/1", 502, 3, 12002, 29_950)
                .lines(20, "/api/customers/1", 200, 0, 0, 27_000));
        assertThat(d.top().cause()).isEqualTo(Cause.BACKEND_STALL);
        assertThat(d.top().evidence()).anySatisfy(e -> assertThat(e).contains("timeouts spread over 4 of 4 routes"));
    }

    @Test
    void eachWin32FamilyNamesItsCause() throws Exception {
        assertThat(diagnose(new Scenario().lines(100, "/a", 200, 0, 0, 10).lines(30, "/a", 502, 3, 12029, 15)).top().cause())
                .isEqualTo(Cause.BACKEND_UNREACHABLE);
        assertThat(diagnose(new Scenario().lines(100, "/b", 200, 0, 0, 10).lines(30, "/b", 502, 3, 12031, 15)).top().cause())
                .isEqualTo(Cause.CONNECTION_RESET);
        assertThat(diagnose(new Scenario().lines(100, "/c", 200, 0, 0, 10).lines(30, "/c", 502, 3, 12175, 15)).top().cause())
                .isEqualTo(Cause.TLS_TRUST_FAILURE);
        assertThat(diagnose(new Scenario().lines(100, "/d", 200, 0, 0, 10).lines(30, "/d", 502, 4, 0, 1)).top().cause())
                .isEqualTo(Cause.NO_HEALTHY_SERVER);
        assertThat(diagnose(new Scenario().lines(100, "/e", 200, 0, 0, 10).lines(30, "/e", 504, 0, 0, 60_000)).top().cause())
                .isEqualTo(Cause.UPSTREAM_504);
    }

    @Test
    void burstsAtAConnectionCeilingInASnapshotAreALeadNotTheCause() throws Exception {
        Scenario s = new Scenario().lines(600, "/a", 200, 0, 0, 40);  // ten quiet minutes
        s.lines(40, "/a", 502, 3, 12029, 15).lines(20, "/b", 502, 3, 12002, 29_950); // one burst minute
        s.lines(300, "/a", 200, 0, 0, 40);
        Evidence logs = s.evidence(dir);
        java.util.List<io.arr502.core.collect.CollectedEvidence.CounterSample> flat = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            flat.add(new io.arr502.core.collect.CollectedEvidence.CounterSample("\\web service(_total)\\current connections", "_total",
                    5000 - (i % 2), java.time.Instant.parse("2026-11-24T14:05:00Z").plusSeconds(2L * i)));
        }
        io.arr502.core.collect.CollectedEvidence c = new io.arr502.core.collect.CollectedEvidence("ARR01", null, List.of(), List.of(), flat,
                null, List.of(), List.of(), java.util.Map.of(), List.of());
        Diagnosis d = Diagnoser.diagnose(new Evidence(logs.logs(), null, null, List.of(), c, List.of()), DiagnosisOptions.defaults());
        Finding pool = d.findings().stream().filter(f -> f.cause() == Cause.CONNECTION_POOL_EXHAUSTION).findFirst().orElseThrow();
        assertThat(pool.evidence()).anySatisfy(e -> assertThat(e).contains("flat at 4999-5000 over 5 samples"));
        assertThat(pool.evidence()).anySatisfy(e -> assertThat(e).contains("with 60 × 12029/12002 against a median of 0"));
        // five samples over 8 s are a snapshot: a lead below the log's own cause (CounterWindowTest has the window)
        assertThat(d.top().cause()).isEqualTo(Cause.BACKEND_UNREACHABLE);

        // the same burst with connections moving freely is not a ceiling
        flat.replaceAll(x -> new io.arr502.core.collect.CollectedEvidence.CounterSample(x.path(), x.instance(), 200 + 40 * flat.indexOf(x), x.timestamp()));
        io.arr502.core.collect.CollectedEvidence moving = new io.arr502.core.collect.CollectedEvidence("ARR01", null, List.of(), List.of(), flat,
                null, List.of(), List.of(), java.util.Map.of(), List.of());
        assertThat(Diagnoser.diagnose(new Evidence(logs.logs(), null, null, List.of(), moving, List.of()), DiagnosisOptions.defaults()).findings())
                .extracting(Finding::cause).doesNotContain(Cause.CONNECTION_POOL_EXHAUSTION);
    }

    @Test
    void healthyTrafficIsHealthy() throws Exception {
        Diagnosis d = diagnose(new Scenario().lines(500, "/a", 200, 0, 0, 30));
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.cause()).isEqualTo(Cause.HEALTHY);
            assertThat(f.evidence()).containsExactly("500 requests, no 502.3/502.4/504");
        });
    }

    @Test
    void mixedCausesRankByTheShareTheyExplain() throws Exception {
        Diagnosis d = diagnose(new Scenario()
                .lines(400, "/a", 200, 0, 0, 30)
                .lines(40, "/api/reports/1", 502, 3, 12002, 29_960)
                .lines(10, "/a", 502, 3, 12029, 12));
        assertThat(d.findings()).extracting(Finding::cause).startsWith(Cause.ARR_TIMEOUT_TOO_LOW, Cause.BACKEND_UNREACHABLE);
        assertThat(d.findings().get(0).confidence()).isGreaterThan(d.findings().get(1).confidence());
    }

    @Test
    void remediationForATimeoutIsRouteSpecificWithRollback() throws Exception {
        Evidence ev = new Scenario().lines(300, "/a", 200, 0, 0, 30).lines(60, "/api/reports/9", 502, 3, 12002, 29_950).evidence(dir);
        Diagnosis d = Diagnoser.diagnose(ev, DiagnosisOptions.defaults());
        List<RemediationPlan> plans = RemediationPlanner.plan(d, ev);
        RemediationPlan p = plans.get(0);
        assertThat(p.cause()).isEqualTo(Cause.ARR_TIMEOUT_TOO_LOW);
        // without a configuration the farm and its servers are unknown: a manual note, never a placeholder command (RemediationExecutorTest has the rest)
        assertThat(p.fix()).allSatisfy(s -> assertThat(s.argv()).isEmpty());
        assertThat(p.refusal()).contains("no configuration was given");
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("Only this route gets the longer budget"));
    }
}
