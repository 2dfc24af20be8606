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
    static final String OTHER_ROUTES = "(other routes)";

    long requests;
    final Map<Integer, long[]> byStatus = new HashMap<>();
    final Map<Long, long[]> win32For5023 = new HashMap<>();
    final Map<ByteKey, RouteAcc> routes = new HashMap<>();
    final Map<ByteKey, long[]> sites = new HashMap<>();
    final Map<ByteKey, long[]> ips = new HashMap<>();

    // one-entry caches: consecutive lines mostly share status and site
    private int lastStatusKey = -1;
    private long[] lastStatusCounter;

    void addStatus(int status, int sub) {
        int key = status * 100_000 + sub;
        if (key != lastStatusKey) {
            lastStatusCounter = byStatus.computeIfAbsent(key, k -> new long[1]);
            lastStatusKey = key;
        }
        lastStatusCounter[0]++;
    }

    RouteAcc route(ByteKey probe) {
        RouteAcc r = routes.get(probe);
        if (r == null) {
            ByteKey key = routes.size() < MAX_ROUTES ? probe.copy() : ByteKey.of(OTHER_ROUTES);
            r = routes.computeIfAbsent(key, k -> new RouteAcc());
        }
        return r;
    }

    /** counters: requests, 502.3, 502.4, 504 */
    static long[] group(Map<ByteKey, long[]> map, ByteKey probe) {
        long[] g = map.get(probe);
        if (g == null) {
            ByteKey key = map.size() < MAX_ROUTES ? probe.copy() : ByteKey.of("(other)");
            g = map.computeIfAbsent(key, k -> new long[4]);
        }
        return g;
    }

    static void countGroup(long[] g, int status, int sub) {
        g[0]++;
        if (status == 502 && sub == 3) {
            g[1]++;
        } else if (status == 502 && sub == 4) {
            g[2]++;
        } else if (status == 504) {
            g[3]++;
        }
    }

    void merge(Stats o) {
        requests += o.requests;
        o.byStatus.forEach((k, v) -> byStatus.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        o.win32For5023.forEach((k, v) -> win32For5023.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        o.routes.forEach((k, v) -> routes.computeIfAbsent(k, x -> new RouteAcc()).merge(v));
        mergeGroups(sites, o.sites);
        mergeGroups(ips, o.ips);
        lastStatusKey = -1;
    }

    private static void mergeGroups(Map<ByteKey, long[]> into, Map<ByteKey, long[]> from) {
        from.forEach((k, v) -> {
            long[] g = into.computeIfAbsent(k, x -> new long[4]);
            for (int i = 0; i < 4; i++) {
                g[i] += v[i];
            }
        });
    }
}
