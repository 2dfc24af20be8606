package io.arr502.core.diagnosis;

import io.arr502.core.evidence.Evidence;
import io.arr502.core.freb.FrebSummary;
import io.arr502.core.log.LogSummary;
import io.arr502.core.log.RouteStats;

import java.util.Set;

/**
 * The one definition of the 502.3 count and rate that are judged: by the thresholds (-w/-c), against a baseline
 * (regression, rise factor, the noise floor's baseline test), by the quality gate and by verification, and what a
 * saved baseline or a build's metrics store. It is every 502.3 plus the 502s whose substatus is not logged (they may
 * be 502.3), less the client aborts unless they are judged too.
 * <p>
 * A client abort is a 502.3 with win32 1236 (ERROR_CONNECTION_ABORTED) or 64 (ERROR_NETNAME_DELETED): the client went
 * away, typically on a long poll (GoAccess #1539), the backend did not fail. The ASP.NET Core Module logs 64 too when
 * its app drops the connection (IISIntegration#201), so on the routes FREB shows as the module's they stay backend
 * failures; when such a route is folded into {@link RouteStats#OTHER_ROUTES}, that bucket's aborts stay judged too.
 * The aborts are counted either way, so that what is not judged is always said.
 */
public final class JudgedRate {
    /** win32 1236 and 64 on a 502.3. */
    static final int[] CLIENT_ABORT_CODES = {1236, 64};

    private final long requests;
    private final long count;
    private final long clientAborts;
    private final boolean abortsJudged;
    private final Set<String> backendRoutes;

    private JudgedRate(long requests, long count, long clientAborts, boolean abortsJudged, Set<String> backendRoutes) {
        this.requests = requests;
        this.count = count;
        this.clientAborts = clientAborts;
        this.abortsJudged = abortsJudged;
        this.backendRoutes = backendRoutes;
    }

    /** The judged rate of these logs (all zero without logs); {@code freb} (may be null) names the ASP.NET Core Module's routes. */
    public static JudgedRate of(LogSummary logs, FrebSummary freb, boolean judgeClientAborts) {
        if (logs == null) {
            return new JudgedRate(0, 0, 0, judgeClientAborts, Set.of());
        }
        Set<String> ancm = freb == null ? Set.of() : freb.ancmRoutes();
        Set<String> backend = ancm;
        if (!ancm.isEmpty() && !logs.routes().stream().map(RouteStats::route).toList().containsAll(ancm)) {
            backend = new java.util.HashSet<>(ancm);
            backend.add(RouteStats.OTHER_ROUTES);
        }
        long aborts = aborts(logs, backend, CLIENT_ABORT_CODES);
        long all = logs.count502_3() + logs.count(LogSummary.UNKNOWN_SUBSTATUS_502);
        return new JudgedRate(logs.requests(), judgeClientAborts ? all : all - aborts, aborts, judgeClientAborts, Set.copyOf(backend));
    }

    public static JudgedRate of(Evidence ev, boolean judgeClientAborts) {
        return of(ev.logs(), ev.freb(), judgeClientAborts);
    }

    /** Requests in the window. */
    public long requests() {
        return requests;
    }

    /** The judged count. */
    public long count() {
        return count;
    }

    /** The judged count in percent of all requests; 0 without requests. */
    public double percent() {
        return requests == 0 ? 0.0 : 100.0 * count / requests;
    }

    /** Client aborts in the window, judged or not. */
    public long clientAborts() {
        return clientAborts;
    }

    /** Whether the count includes the client aborts (asked for with --judge-client-aborts). */
    public boolean abortsJudged() {
        return abortsJudged;
    }

    /** The client aborts the count leaves out: what the verdict must say it did not judge. */
    public long notJudged() {
        return abortsJudged ? 0 : clientAborts;
    }

    /**
     * What a line beside the judged count must add: "; 35 client aborts not judged", "; 35 client aborts judged
     * (--judge-client-aborts)", or nothing when there were none.
     */
    public String stated() {
        return stated(clientAborts, abortsJudged);
    }

    /** {@link #stated()} for counts already taken (a verdict's metrics). */
    public static String stated(long clientAborts, boolean judged) {
        if (clientAborts == 0) {
            return "";
        }
        return String.format(java.util.Locale.US, "; %d client abort%s %s", clientAborts, clientAborts == 1 ? "" : "s",
                judged ? "judged (--judge-client-aborts)" : "not judged");
    }

    /** This route's client aborts (0 on the ASP.NET Core Module's routes). */
    public long clientAborts(RouteStats r) {
        return backendRoutes.contains(r.route()) ? 0 : aborts(r);
    }

    /** The window's client aborts with this code (1236 or 64). */
    public long clientAborts(LogSummary logs, int code) {
        return aborts(logs, backendRoutes, code);
    }

    /** This route's judged 502.3 count. */
    public long count(RouteStats r) {
        return abortsJudged ? r.count502_3() : r.count502_3() - clientAborts(r);
    }

    private static long aborts(LogSummary logs, Set<String> backendRoutes, int... codes) {
        long n = logs.win32Count(codes);
        for (RouteStats r : logs.routes()) {
            if (backendRoutes.contains(r.route())) {
                n -= r.win32Count(codes);
            }
        }
        return Math.max(0, n);
    }

    private static long aborts(RouteStats r) {
        return r.win32Count(CLIENT_ABORT_CODES);
    }
}
