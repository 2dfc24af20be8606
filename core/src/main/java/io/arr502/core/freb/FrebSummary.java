package io.arr502.core.freb;

import java.util.List;
import java.util.Map;

/**
 * Failed request traces in the selected window.
 *
 * @param traces          every trace read, newest first
 * @param count502_3ByServer   backend server → 502.3 traces
 * @param count502_3ByRoute    normalised route → 502.3 traces
 * @param count502_3ByPhase    failing phase → 502.3 traces
 * @param longest         the slowest 502.3 traces, kept as evidence (a few)
 * @param unreadable      files that could not be parsed, with a one-line reason each
 */
public record FrebSummary(
        List<FrebTrace> traces,
        Map<String, Long> count502_3ByServer,
        Map<String, Long> count502_3ByRoute,
        Map<String, Long> count502_3ByPhase,
        List<FrebTrace> longest,
        List<FileProblem> unreadable) {

    public record FileProblem(String file, String reason) {
    }
}
