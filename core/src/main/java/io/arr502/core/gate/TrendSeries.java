package io.arr502.core.gate;

import java.util.Comparator;
import java.util.List;

/** The job trend chart's data: build numbers with their 502.3 rate and worst-route p99, oldest first, capped. */
public record TrendSeries(List<Integer> builds, List<Double> rate502_3, List<Long> worstRouteOkP99Millis) {

    public static TrendSeries of(List<BuildMetrics> builds, int max) {
        List<BuildMetrics> last = builds.stream().sorted(Comparator.comparingInt(BuildMetrics::build)).toList();
        if (last.size() > max) {
            last = last.subList(last.size() - max, last.size());
        }
        return new TrendSeries(last.stream().map(BuildMetrics::build).toList(), last.stream().map(BuildMetrics::rate502_3).toList(),
                last.stream().map(BuildMetrics::worstRouteOkP99Millis).toList());
    }
}
