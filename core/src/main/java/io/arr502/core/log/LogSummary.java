package io.arr502.core.log;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the W3C log engine found in the selected window. Produced only by the log engine;
 * consumed by diagnosis, verdict and every front end.
 *
 * @param requests          every parsed request line in the window
 * @param byStatus          "status.substatus" → count, e.g. "502.3", "504.0", "200.0" (substatus 0 when not logged)
 * @param win32For502_3     sc-win32-status → count, over 502.3 lines only
 * @param routes            per normalised route, most 502.3 first, then most requests
 * @param sites             per s-sitename (or W3SVC folder name when the field is absent)
 * @param serverIps         per s-ip
 * @param perMinute         one bucket per UTC minute that had requests, oldest first
 * @param malformedLines    lines that were skipped as malformed
 * @param malformedExamples the first few, with file and line number
 * @param firstRequest      time of the oldest request in the window (null when none)
 * @param lastRequest       time of the newest request in the window (null when none)
 * @param filesRead         log files touched by this run
 * @param bytesRead         bytes read by this run (small on an incremental run)
 * @param unreadBytes       new log bytes this run left for the next because its read deadline passed (0: caught up)
 * @param notes             what the engine had to work around (corrupt state rebuilt, file truncated or replaced, …)
 * @param visibility        what this run could see: lines read and refused, the newest request, fields not logged
 * @param failedExamples    a few of the window's newest 502.3 lines (and 502s whose substatus is not logged), newest first
 * @param windowStart       where the judged window starts (start of its first minute); for a window without a start
 *                          (window all) the first request's minute; null when there is none
 * @param windowEnd         where the judged window ends, exclusive (end of its last minute); for a window without an end
 *                          the end of the last request's minute; null when there is none. Evidence with times (events)
 *                          is placed in [windowStart, windowEnd): the requests may stop before the window does
 */
public record LogSummary(
        long requests,
        Map<String, Long> byStatus,
        Map<Integer, Long> win32For502_3,
        List<RouteStats> routes,
        List<GroupStats> sites,
        List<GroupStats> serverIps,
        List<MinuteBucket> perMinute,
        long malformedLines,
        List<MalformedLine> malformedExamples,
        Instant firstRequest,
        Instant lastRequest,
        int filesRead,
        long bytesRead,
        long unreadBytes,
        List<String> notes,
        LogVisibility visibility,
        List<RequestLine> failedExamples,
        Instant windowStart,
        Instant windowEnd) {

    /** 502 lines whose substatus is not logged (no sc-substatus field, or "-"): possibly 502.3. */
    public static final String UNKNOWN_SUBSTATUS_502 = "502.-";

    /** The same summary with these example lines. */
    public LogSummary withFailedExamples(List<RequestLine> lines) {
        return new LogSummary(requests, byStatus, win32For502_3, routes, sites, serverIps, perMinute, malformedLines,
                malformedExamples, firstRequest, lastRequest, filesRead, bytesRead, unreadBytes, notes, visibility, List.copyOf(lines),
                windowStart, windowEnd);
    }

    public long count(String statusDotSub) {
        return byStatus.getOrDefault(statusDotSub, 0L);
    }

    public long count502_3() {
        return count("502.3");
    }

    /** The window's 502.3 lines with any of these win32 codes. */
    public long win32Count(int... codes) {
        return RouteStats.sum(win32For502_3, codes);
    }

    /** 502.3 share of all requests in percent; 0 when there were no requests. */
    public double rate502_3() {
        return requests == 0 ? 0.0 : 100.0 * count502_3() / requests;
    }
}
