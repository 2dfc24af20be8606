package io.arr502.core.remediation;

import io.arr502.core.config.ConfigReader;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.Diagnosis;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.diagnosis.RouteEnvelope;
import io.arr502.core.evidence.Evidence;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The sample incident's diagnosis (/api/reports/{id} needs the report class) planned against a configuration file. */
final class Plans {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T15:00:00Z"), ZoneOffset.UTC);

    private Plans() {
    }

    static Diagnosis reportsNeedMoreTime(String route) {
        return new Diagnosis(List.of(new Finding(Cause.ARR_TIMEOUT_TOO_LOW, 0.89, route + " needs longer than the ARR timeout", List.of())),
                List.of(new RouteEnvelope(route, 1200, 359, 900, 28_736, 29_500, Duration.ofSeconds(30),
                        "webFarm[appFarm]/applicationRequestRouting/protocol@timeout (schema default)", -4, "report", Duration.ofMinutes(2))), null);
    }

    static List<RemediationPlan> all(Path config) throws Exception {
        Evidence ev = new Evidence(null, null, ConfigReader.read(config), List.of(), null, List.of());
        return RemediationPlanner.plan(reportsNeedMoreTime("/api/reports/{id}"), ev, CLOCK);
    }

    static RemediationPlan dedicated(Path config) throws Exception {
        return all(config).get(0);
    }
}
