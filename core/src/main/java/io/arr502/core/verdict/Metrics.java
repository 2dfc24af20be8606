package io.arr502.core.verdict;

import io.arr502.core.log.LogVisibility;
import io.arr502.core.log.RequestLine;

import java.util.List;
import java.util.Map;

/**
 * The numbers the verdict was made from (JSON {@code metrics}).
 *
 * @param visibility     what the log read could see (null without logs)
 * @param failedExamples a few of the window's newest 502.3 lines, to find them in the backend's logs
 */
public record Metrics(long requests, long count502_3, double rate502_3, Map<String, Long> byStatus,
                      Map<String, Long> byWin32, List<RouteMetric> routes, LogVisibility visibility,
                      List<RequestLine> failedExamples) {

    public Metrics {
        failedExamples = failedExamples == null ? List.of() : List.copyOf(failedExamples);
    }

    public static Metrics none() {
        return new Metrics(0, 0, 0, Map.of(), Map.of(), List.of(), null, List.of());
    }
}
