package io.arr502.core.log;

import java.util.Map;

/**
 * One normalised route (cs-uri-stem with ids collapsed, e.g. {@code /api/orders/{id}}).
 * Latencies are time-taken in milliseconds. "ok" latencies cover requests that did not fail
 * (status below 500), the envelope the backend really needs; "all" covers every request.
 *
 * @param win32For502_3   sc-win32-status → count over this route's 502.3 lines
 * @param p50TimeTaken502_3 median time-taken of this route's 502.3 lines (≈ the timeout when they are 12002)
 */
public record RouteStats(
        String route,
        long requests,
        long count502_3,
        long count502_4,
        long count504,
        Latency all,
        Latency ok,
        Map<Integer, Long> win32For502_3,
        long p50TimeTaken502_3,
        long maxTimeTaken502_3) {

    /** The bucket for the routes past the engine's caps: not a route of the site, so nothing may be planned for it. */
    public static final String OTHER_ROUTES = "(other routes)";

    /** True for {@link #OTHER_ROUTES}: counts of many routes together, with no URL of its own. */
    public boolean synthetic() {
        return OTHER_ROUTES.equals(route);
    }

    /** This route's 502.3 lines with any of these win32 codes. */
    public long win32Count(int... codes) {
        return sum(win32For502_3, codes);
    }

    /** The counts of these codes in a win32 → count map. */
    static long sum(Map<Integer, Long> win32, int... codes) {
        long n = 0;
        for (int c : codes) {
            n += win32.getOrDefault(c, 0L);
        }
        return n;
    }

    /** True when route names {@link #OTHER_ROUTES}. */
    public static boolean synthetic(String route) {
        return OTHER_ROUTES.equals(route);
    }
}
