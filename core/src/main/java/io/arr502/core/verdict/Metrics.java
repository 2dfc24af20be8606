package io.arr502.core.verdict;

import java.util.List;
import java.util.Map;

/** The numbers the verdict was made from (JSON {@code metrics}). */
public record Metrics(long requests, long count502_3, double rate502_3, Map<String, Long> byStatus,
                      Map<String, Long> byWin32, List<RouteMetric> routes) {

    public static Metrics none() {
        return new Metrics(0, 0, 0, Map.of(), Map.of(), List.of());
    }
}
