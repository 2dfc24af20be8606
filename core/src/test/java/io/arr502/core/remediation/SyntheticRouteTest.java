package io.arr502.core.remediation;

import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.Diagnosis;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.diagnosis.RouteEnvelope;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.log.RouteStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "(other routes)" holds the overflow of many routes: no rewrite rule may be planned for it (issue 19 saw '^other routes)$'). */
class SyntheticRouteTest {
    private static RouteEnvelope envelope(String route) {
        return new RouteEnvelope(route, 1000, 40, 800, 29_000, 30_016, Duration.ofSeconds(30), "proxy timeout", -3.0, "report",
                Duration.ofSeconds(120));
    }

    @Test
    void noPlanIsMadeForTheOverflowBucket() {
        Diagnosis d = new Diagnosis(List.of(new Finding(Cause.ARR_TIMEOUT_TOO_LOW, 0.9, "timeouts", List.of())),
                List.of(envelope(RouteStats.OTHER_ROUTES), envelope("/api/reports/{id}")), null);
        List<RemediationPlan> plans = RemediationPlanner.plan(d, Evidence.empty());
        assertThat(plans).isNotEmpty();
        assertThat(plans.toString()).doesNotContain("other routes").contains("reports");
    }
}
