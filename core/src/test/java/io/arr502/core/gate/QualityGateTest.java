package io.arr502.core.gate;

import io.arr502.core.diagnosis.Baseline;
import io.arr502.core.diagnosis.DiagnosisOptions;
import io.arr502.core.log.Window;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import io.arr502.core.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gate on real verdicts: the bundled incident through the same triage the check and Jenkins use. */
class QualityGateTest {
    static final Path SAMPLE = Path.of("../samples/incident");

    private static Verdict incident(Baseline baseline) {
        DiagnosisOptions d = DiagnosisOptions.defaults();
        return Triage.run(new TriageRequest(List.of(SAMPLE.resolve("logs")), Window.all(), null, null, null, SAMPLE.resolve("config"),
                List.of(), null, null, null, baseline == null ? d : d.withBaseline(baseline)));
    }

    @Test
    void incidentMakesTheBuildUnstableOrFailedAsConfigured() {
        Verdict v = incident(null);
        GateResult unstable = QualityGate.evaluate(v, GateThreshold.parse("RATE:1:UNSTABLE"));
        assertThat(unstable.worst()).isEqualTo(Criticality.UNSTABLE);
        assertThat(unstable.messages()).containsExactly("UNSTABLE: 502.3 rate 4.75 % (385 of 8098) - rate reaches 1");
        GateResult failed = QualityGate.evaluate(v, GateThreshold.parse("RATE:1:UNSTABLE, COUNT:300:FAILURE"));
        assertThat(failed.worst()).isEqualTo(Criticality.FAILURE);
        assertThat(failed.passed()).isFalse();
        assertThat(QualityGate.evaluate(v, GateThreshold.parse("RATE:10:UNSTABLE")).passed()).isTrue();
    }

    @Test
    void regressionThresholdFollowsTheBinomialTest() {
        Verdict rising = incident(new Baseline(100_000, 20, "build #41"));
        GateResult r = QualityGate.evaluate(rising, GateThreshold.parse("REGRESSION:0:UNSTABLE"));
        assertThat(r.worst()).isEqualTo(Criticality.UNSTABLE);
        assertThat(r.messages().get(0)).contains("regression: 502.3 385 of 8098", "build #41");
        Verdict same = incident(new Baseline(8098, 385, "build #41"));
        assertThat(QualityGate.evaluate(same, GateThreshold.parse("REGRESSION:0:UNSTABLE")).passed()).isTrue();
    }

    @Test
    void aVerdictWithoutEvidenceFailsTheGate() {
        Verdict none = Triage.run(new TriageRequest(List.of(SAMPLE.resolve("missing")), Window.all(), null, null, null, null, List.of(),
                null, null, null, null));
        GateResult r = QualityGate.evaluate(none, GateThreshold.parse("RATE:1:UNSTABLE"));
        assertThat(r.worst()).isEqualTo(Criticality.FAILURE);
        assertThat(r.messages().get(0)).startsWith("FAILURE: arr502 could not judge: logs: no such log file or folder");
    }

    /** IIS W3C lines (the #Fields subset the samples use), all at one minute of 2026-11-25. */
    private static Verdict lines(Path dir, String window, String... statusAndTime) throws java.io.IOException {
        StringBuilder log = new StringBuilder("#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        for (String l : statusAndTime) {
            log.append("2026-11-25 10:00:00 ").append(l).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("u_ex261125.log"), log);
        return Triage.run(new TriageRequest(List.of(dir), Window.parse(window), null, null, null, null, List.of(), null, null, null,
                null));
    }

    @Test
    void rateIsNotJudgedBelowMinRequestsButCountStillIs(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Verdict v = lines(dir, "all", "/api/a 502 3 12002 30000", "/api/a 200 0 0 40");
        GateResult r = QualityGate.evaluate(v, GateThreshold.parse("RATE:1:FAILURE,COUNT:1:UNSTABLE"));
        assertThat(r.worst()).isEqualTo(Criticality.UNSTABLE);
        assertThat(r.messages()).containsExactly("NOTE: rate not judged: 2 requests, fewer than 20",
                "UNSTABLE: 1 × 502.3 - count reaches 1");
        GateResult judged = QualityGate.evaluate(v, GateThreshold.parse("RATE:1:FAILURE"), new GateOptions(2, Criticality.FAILURE, 0));
        assertThat(judged.messages()).containsExactly("FAILURE: 502.3 rate 50.00 % (1 of 2) - rate reaches 1");
    }

    @Test
    void zeroThresholdMeansAny502_3NotEveryBuild(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String[] clean = new String[25];
        java.util.Arrays.fill(clean, "/api/a 200 0 0 40");
        Verdict ok = lines(dir, "all", clean);
        assertThat(QualityGate.evaluate(ok, GateThreshold.parse("RATE:0:FAILURE,COUNT:0:FAILURE")).passed()).isTrue();
        GateResult any = QualityGate.evaluate(incident(null), GateThreshold.parse("COUNT:0:FAILURE"));
        assertThat(any.messages()).containsExactly("FAILURE: 385 × 502.3 - count above 0");
        assertThatThrownBy(() -> GateThreshold.parse("RATE:-1:FAILURE")).hasMessageContaining("a value of 0 or more");
    }

    @Test
    void aWindowWithoutRequestsNeverPasses(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Verdict idle = lines(dir, "15m", "/api/a 200 0 0 40");
        GateResult r = QualityGate.evaluate(idle, GateThreshold.parse("RATE:1:UNSTABLE"));
        assertThat(r.worst()).isEqualTo(Criticality.FAILURE);
        assertThat(r.messages().get(0)).containsAnyOf("the window held no request", "could not judge");
        GateResult unstable = QualityGate.evaluate(idle, List.of(), new GateOptions(20, Criticality.UNSTABLE, 0));
        assertThat(unstable.worst()).isIn(Criticality.UNSTABLE, Criticality.FAILURE);
        GateResult probesOnly = QualityGate.evaluate(idle, List.of(), new GateOptions(20, null, 0));
        assertThat(probesOnly.worst()).isIn(null, Criticality.FAILURE);
    }

    @Test
    void routeRateAndLatencyGates() {
        Verdict v = incident(null);
        GateResult route = QualityGate.evaluate(v, GateThreshold.parse("ROUTE_RATE:5:UNSTABLE"));
        assertThat(route.worst()).isEqualTo(Criticality.UNSTABLE);
        assertThat(route.messages()).singleElement().asString().startsWith("UNSTABLE: route ").endsWith(" - route rate reaches 5");
        long p99 = QualityGate.worstRouteOkP99(v, GateOptions.DEFAULT_MIN_REQUESTS);
        assertThat(p99).isPositive();
        GateResult noBaseline = QualityGate.evaluate(v, GateThreshold.parse("LATENCY:20:UNSTABLE"));
        assertThat(noBaseline.passed()).isTrue();
        assertThat(noBaseline.messages()).containsExactly("NOTE: latency not judged: no baseline p99");
        GateResult slower = QualityGate.evaluate(v, GateThreshold.parse("LATENCY:20:UNSTABLE"), GateOptions.defaults().withBaselineP99(p99 / 2));
        assertThat(slower.worst()).isEqualTo(Criticality.UNSTABLE);
        assertThat(slower.messages().get(0)).contains("against " + p99 / 2 + " ms in the baseline", "growth reaches 20 %");
        assertThat(QualityGate.evaluate(v, GateThreshold.parse("LATENCY:20:UNSTABLE"), GateOptions.defaults().withBaselineP99(p99))
                .passed()).isTrue();
    }

    @Test
    void baselineIsTheLastSuccessfulBuildWithTraffic() {
        List<BuildMetrics> builds = List.of(new BuildMetrics(7, "SUCCESS", 1000, 1, 0.1, 200),
                new BuildMetrics(8, "UNSTABLE", 1000, 90, 9, 29_000), new BuildMetrics(9, "SUCCESS", 0, 0, 0, 0),
                new BuildMetrics(10, "SUCCESS", 900, 2, 0.22, 210));
        assertThat(BaselineChoice.choose(builds, 11)).contains(new Baseline(900, 2, "build #10"));
        assertThat(BaselineChoice.choose(builds, 10)).contains(new Baseline(1000, 1, "build #7"));
        assertThat(BaselineChoice.choose(builds, 7)).isEmpty();
        TrendSeries t = TrendSeries.of(builds, 3);
        assertThat(t.builds()).containsExactly(8, 9, 10);
        assertThat(t.rate502_3()).containsExactly(9.0, 0.0, 0.22);
    }

    @Test
    void badThresholdTextIsOneLine() {
        assertThatThrownBy(() -> GateThreshold.parse("RATE:1")).hasMessage("gate threshold must be TYPE:VALUE:CRITICALITY, not 'RATE:1'");
        assertThatThrownBy(() -> GateThreshold.parse("SPEED:1:UNSTABLE")).hasMessageContaining("type RATE|COUNT|REGRESSION|ROUTE_RATE|LATENCY");
    }
}
