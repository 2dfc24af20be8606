package io.arr502.core.diagnosis;

import java.time.Duration;

/**
 * A route's latency against the timeout that governs it. {@code headroomPercent} is
 * (timeout − ok p99) / timeout × 100; negative when the backend needs more than the timeout.
 * {@code recommendedClass} is the SLO timeout class that fits it (e.g. "report"), null when no change is needed.
 */
public record RouteEnvelope(
        String route,
        long requests,
        long count502_3,
        long okP50Millis,
        long okP99Millis,
        long okMaxMillis,
        Duration effectiveTimeout,
        String timeoutSource,
        double headroomPercent,
        String recommendedClass,
        Duration recommendedTimeout) {
}
