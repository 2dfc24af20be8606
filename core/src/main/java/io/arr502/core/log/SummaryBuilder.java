package io.arr502.core.log;

import org.HdrHistogram.AbstractHistogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns accumulated counts into the immutable {@link LogSummary} for the requested window. */
final class SummaryBuilder {

    private SummaryBuilder() {
    }

    static LogSummary build(Accumulator acc, Object unused, LogRequest req, int filesRead, long bytesRead, long unreadBytes,
                            List<String> notes) {
        long[] window = windowMinutes(acc, req);
        long from = window[0];
        long to = window[1];
        Stats s = to == Long.MIN_VALUE ? new Stats() : acc.collapse(from, to);

        Map<String, Long> byStatus = new LinkedHashMap<>();
        new TreeMap<>(s.byStatus).forEach((k, v) -> byStatus.put((k / 100_000) + "."
                + (k % 100_000 == LineParser.NO_SUBSTATUS ? "-" : Integer.toString(k % 100_000)), v[0]));
        Map<Integer, Long> win32 = new LinkedHashMap<>();
        s.win32For5023.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> win32.put((int) (long) e.getKey(), e.getValue()[0]));

        List<RouteStats> routes = new ArrayList<>();
        s.routes.forEach((k, r) -> routes.add(route(k.toString(), r)));
        routes.stream().filter(RouteStats::synthetic).findFirst().ifPresent(o -> notes.add(String.format(java.util.Locale.US,
                "more distinct routes than the engine keeps (%,d a minute, %,d in all): %,d requests, %,d of them 502.3, are counted as %s",
                Stats.MINUTE_ROUTES, Stats.MAX_ROUTES, o.requests(), o.count502_3(), RouteStats.OTHER_ROUTES)));
        routes.sort(Comparator.comparingLong(RouteStats::count502_3).reversed()
                .thenComparing(Comparator.comparingLong(RouteStats::requests).reversed())
                .thenComparing(RouteStats::route));

        List<MinuteBucket> perMinute = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Map.Entry<Long, long[]> e : acc.series.entrySet()) {
            long m = e.getKey();
            if (m < from || m > to) {
                continue;
            }
            long[] v = e.getValue();
            if (v[Accumulator.SERIES_REQUESTS] == 0) {
                continue;
            }
            first = Math.min(first, m);
            last = Math.max(last, m);
            perMinute.add(new MinuteBucket(Instant.ofEpochSecond(m * 60), v[Accumulator.SERIES_REQUESTS],
                    v[Accumulator.SERIES_5023], v[Accumulator.SERIES_5024], v[Accumulator.SERIES_504],
                    v[Accumulator.SERIES_12002], v[Accumulator.SERIES_12029], v[Accumulator.SERIES_5XX]));
        }
        if (acc.routeFilter != null) {
            int named = acc.filteredRoutes.size();
            notes.add(String.format(java.util.Locale.US, "route filter (%s): %s route(s) with %,d request(s) left out of the lines this run read%s",
                    acc.routeFilter.description(), named >= Accumulator.MAX_FILTERED_NAMES ? "more than " + named : Integer.toString(named),
                    acc.filteredOut, named == 0 ? "" : ": " + String.join(", ", acc.filteredRoutes.stream().limit(5).toList())
                            + (named > 5 ? ", …" : "")));
        }
        // unbounded ends are the requests' own
        long start = from != Long.MIN_VALUE ? from : first;
        long end = to == Long.MIN_VALUE ? Long.MIN_VALUE : to != Long.MAX_VALUE ? to : last;
        boolean bounded = start != Long.MAX_VALUE && end != Long.MIN_VALUE;
        return new LogSummary(s.requests, byStatus, win32, List.copyOf(routes), groups(s.sites), groups(s.ips),
                List.copyOf(perMinute), acc.malformed, List.copyOf(acc.examples),
                first == Long.MAX_VALUE ? null : Instant.ofEpochSecond(first * 60),
                last == Long.MIN_VALUE ? null : Instant.ofEpochSecond(last * 60 + 59),
                filesRead, bytesRead, unreadBytes, List.copyOf(notes), visibility(acc, req), List.of(),
                bounded ? Instant.ofEpochSecond(start * 60) : null, bounded ? Instant.ofEpochSecond((end + 1) * 60) : null);
    }

    /** The first and last minute of the window (inclusive) the accumulator's lines are judged in. */
    static long[] windowMinutes(Accumulator acc, LogRequest req) {
        Window w = req.window();
        return switch (w.kind()) {
            case LAST -> {
                long len = Math.max(1, w.length().toMinutes());
                long to = w.anchorLatest() ? acc.newestMinute : LogEngine.nowMinute(req);
                yield new long[]{to == Long.MIN_VALUE ? Long.MIN_VALUE : to - len + 1, to};
            }
            case RANGE -> new long[]{acc.fromMinute, acc.toMinute};
            default -> new long[]{Long.MIN_VALUE, Long.MAX_VALUE};
        };
    }

    private static LogVisibility visibility(Accumulator acc, LogRequest req) {
        Window w = req.window();
        return new LogVisibility(acc.linesRead, Math.max(0, acc.linesRead - acc.otherLines - acc.malformedRead() - acc.filteredOut), acc.malformedRead(),
                acc.salvaged, acc.salvagedExamples.isEmpty() ? null : acc.salvagedExamples.get(0),
                acc.newestSeen == Long.MIN_VALUE ? null : Instant.ofEpochSecond(acc.newestSeen * 60 + 59),
                w.kind() == Window.Kind.LAST && !w.anchorLatest() ? req.now() : w.kind() == Window.Kind.RANGE ? w.to() : null,
                w.kind() == Window.Kind.LAST && !w.anchorLatest(), w.kind() != Window.Kind.ALL,
                List.copyOf(acc.missingFields), List.copyOf(acc.formatProblems));
    }

    private static RouteStats route(String name, RouteAcc r) {
        Map<Integer, Long> w = new LinkedHashMap<>();
        r.win32.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> w.put((int) (long) e.getKey(), e.getValue()[0]));
        r.settle();
        AbstractHistogram f = r.failed502_3;
        long fMax = r.maxOf(RouteAcc.FAILED, f);
        return new RouteStats(name, r.requests, r.c502_3, r.c502_4, r.c504, latency(r.all, r.maxOf(RouteAcc.ALL, r.all)),
                latency(r.ok, r.maxOf(RouteAcc.OK, r.ok)), w, f == null ? 0 : pct(f, 50, fMax), f == null ? 0 : fMax);
    }

    static Latency latency(AbstractHistogram h) {
        return latency(h, h == null ? 0 : h.getMaxValue());
    }

    /**
     * Percentiles at the middle of their bucket (within 0.4 % at 2 digits), never above max; max is the exact
     * largest value when the run knows it, else the top of its bucket (never understated).
     */
    static Latency latency(AbstractHistogram h, long max) {
        if (h == null || h.getTotalCount() == 0) {
            return Latency.EMPTY;
        }
        return new Latency(h.getTotalCount(), pct(h, 50, max), pct(h, 90, max), pct(h, 99, max), max);
    }

    static long pct(AbstractHistogram h, double p) {
        return pct(h, p, h.getMaxValue());
    }

    static long pct(AbstractHistogram h, double p, long max) {
        return Math.min(h.medianEquivalentValue(h.getValueAtPercentile(p)), max);
    }

    private static List<GroupStats> groups(Map<ByteKey, long[]> m) {
        List<GroupStats> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new GroupStats(k.toString(), v[0], v[1], v[2], v[3])));
        out.sort(Comparator.comparingLong(GroupStats::requests).reversed().thenComparing(GroupStats::key));
        return List.copyOf(out);
    }
}
