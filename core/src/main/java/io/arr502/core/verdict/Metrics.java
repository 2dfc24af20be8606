package io.arr502.core.verdict;

import io.arr502.core.log.LogVisibility;
import io.arr502.core.log.RequestLine;

import java.util.List;
import java.util.Map;

/**
 * The numbers the verdict was made from (JSON {@code metrics}). {@code count502_3} and {@code rate502_3} are the judged
 * ones ({@link io.arr502.core.diagnosis.JudgedRate}: 502.3 and 502s without a logged substatus, less the client aborts
 * unless {@code clientAbortsJudged}); {@code byStatus} keeps every status as logged.
 *
 * @param visibility     what the log read could see (null without logs)
 * @param failedExamples a few of the window's newest 502.3 lines, to find them in the backend's logs
 * @param clientAborts   the window's client aborts (502.3 with win32 1236/64), judged or not
 * @param clientAbortsJudged whether count502_3 includes them (--judge-client-aborts)
 */
public record Metrics(long requests, long count502_3, double rate502_3, Map<String, Long> byStatus,
                      Map<String, Long> byWin32, List<RouteMetric> routes, LogVisibility visibility,
                      List<RequestLine> failedExamples, long clientAborts, boolean clientAbortsJudged) {

    public Metrics {
        failedExamples = failedExamples == null ? List.of() : List.copyOf(failedExamples);
    }

    /** "; 35 client aborts not judged" beside the judged count, or nothing when there were none. */
    public String clientAbortsStated() {
        return io.arr502.core.diagnosis.JudgedRate.stated(clientAborts, clientAbortsJudged);
    }

    public static Metrics none() {
        return new Metrics(0, 0, 0, Map.of(), Map.of(), List.of(), null, List.of(), 0, false);
    }
}
