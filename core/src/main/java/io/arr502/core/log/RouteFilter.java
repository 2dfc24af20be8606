package io.arr502.core.log;

import java.util.function.Predicate;

/**
 * Which routes the engine counts. A line whose normalised route ({@code /api/orders/{id}}, as
 * {@link io.arr502.core.route.RouteNormalizer} gives it) is not kept is skipped before anything counts it, as if
 * the log never had it. The engine asks once per distinct route, not per line.
 *
 * @param description names the filter in notes, and in the state file: a state built under another filter is rebuilt
 * @param keeps       true for a normalised route the engine counts
 */
public record RouteFilter(String description, Predicate<String> keeps) {

    public RouteFilter {
        java.util.Objects.requireNonNull(description);
        java.util.Objects.requireNonNull(keeps);
    }
}
