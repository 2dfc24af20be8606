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
        assertThat(r.messages().get(0)).startsWith("arr502 could not judge: logs: no such log file or folder");
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
        assertThatThrownBy(() -> GateThreshold.parse("SPEED:1:UNSTABLE")).hasMessageContaining("type RATE|COUNT|REGRESSION");
    }
}
