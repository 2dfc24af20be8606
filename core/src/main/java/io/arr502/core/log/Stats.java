package io.arr502.core.log;

import java.util.HashMap;
import java.util.Map;

/**
 * Everything counted for one slice of traffic (a whole run, or one minute in the sliding-window state).
 * Not thread-safe: each scanning thread has its own and they are merged at the end.
 */
final class Stats {
    /** Caps the distinct routes kept; the rest fold into one bucket so hostile URLs cannot exhaust memory. */
    static final int MAX_ROUTES = 2000;
    /**
     * Caps the routes of one minute (the run's and the state's per-minute slices). A scanner sends thousands
     * of distinct URLs a minute, and each route keeps two time-taken histograms of about 8 KB: with the run's
     * cap alone, an hour of it held 120,000 of them (6 GB, "Java heap space", no state ever saved).
     */
    static final int MINUTE_ROUTES = 100;
    static final String OTHER_ROUTES = RouteStats.OTHER_ROUTES;
    private static final ByteKey OTHER_ROUTES_KEY = ByteKey.of(OTHER_ROUTES);
    private static final ByteKey OTHER_GROUP_KEY = ByteKey.of("(other)");

    /** Distinct routes kept, the overflow bucket not counted. */
    final int maxRoutes;
    long requests;
    final Map<Integer, long[]> byStatus = new HashMap<>();
    final Map<Long, long[]> win32For5023 = new HashMap<>();
    final Map<ByteKey, RouteAcc> routes = new HashMap<>();
    final Map<ByteKey, long[]> sites = new HashMap<>();
    final Map<ByteKey, long[]> ips = new HashMap<>();
    /** A scanner's counts by its {@link Outcomes} id, until it folds them into byStatus and win32For5023. */
    long[] outcomeCounts;

    // a direct-mapped cache in front of byStatus: a log has a handful of status codes, interleaved
    private final int[] statusKeys = new int[STATUS_SLOTS];
    private final long[][] statusCounters = new long[STATUS_SLOTS][];
    private static final int STATUS_SLOTS = 64;

    Stats() {
        this(MAX_ROUTES);
    }

    Stats(int maxRoutes) {
        this.maxRoutes = maxRoutes;
    }

    void addStatus(int status, int sub) {
        int key = status * 100_000 + sub;
        int slot = (key * 0x9E3779B9) >>> 26;
        long[] c = statusCounters[slot];
        if (c == null || statusKeys[slot] != key) {
            c = byStatus.computeIfAbsent(key, k -> new long[1]);
            statusCounters[slot] = c;
            statusKeys[slot] = key;
        }
        c[0]++;
    }

    /** The route's totals; probe is a reused, mutable key, copied when the route is new. */
    RouteAcc route(ByteKey probe) {
        RouteAcc r = routes.get(probe);
        return r != null ? r : routeInterned(probe.copy());
    }

    /** The route's totals for a key that is never mutated: stored as it is; past the cap, the overflow bucket's. */
    RouteAcc routeInterned(ByteKey key) {
        RouteAcc r = routes.get(key);
        if (r == null) {
            r = routes.computeIfAbsent(hasRoom(routes, OTHER_ROUTES_KEY, maxRoutes) ? key : OTHER_ROUTES_KEY, k -> new RouteAcc());
        }
        return r;
    }

    /** The counters (requests, 502.3, 502.4, 504) for key, which is never mutated: stored as it is, not copied. */
    static long[] groupInterned(Map<ByteKey, long[]> map, ByteKey key) {
        long[] g = map.get(key);
        if (g == null) {
            g = map.computeIfAbsent(hasRoom(map, OTHER_GROUP_KEY, MAX_ROUTES) ? key : OTHER_GROUP_KEY, k -> new long[4]);
        }
        return g;
    }

    static void countGroup(long[] g, int status, int sub) {
        g[0]++;
        int c = Outcomes.groupOf(status, sub);
        if (c > 0) {
            g[c]++;
        }
    }

    /** Below the cap, not counting the overflow bucket itself. */
    private static boolean hasRoom(Map<ByteKey, ?> map, ByteKey other, int max) {
        int n = map.size();
        return n < max || (n == max && map.containsKey(other));
    }

    void merge(Stats o) {
        combine(o, false);
    }

    /** Like {@link #merge}, for an o that is discarded afterwards: its histograms are taken, not copied. */
    void absorb(Stats o) {
        combine(o, true);
    }

    private void combine(Stats o, boolean take) {
        if (outcomeCounts != null || o.outcomeCounts != null) {
            throw new IllegalStateException("a scanner's outcome counts were not folded before a merge");
        }
        requests += o.requests;
        o.byStatus.forEach((k, v) -> byStatus.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        o.win32For5023.forEach((k, v) -> win32For5023.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        // the cap holds for merged slices too (threads, the minutes of a window), or hostile URLs spread
        // over many minutes would still grow one map without bound
        o.routes.forEach((k, v) -> routeInterned(k).combine(v, take));
        mergeGroups(sites, o.sites);
        mergeGroups(ips, o.ips);
    }

    private static void mergeGroups(Map<ByteKey, long[]> into, Map<ByteKey, long[]> from) {
        from.forEach((k, v) -> {
            long[] g = groupInterned(into, k);
            for (int i = 0; i < 4; i++) {
                g[i] += v[i];
            }
        });
    }
}
