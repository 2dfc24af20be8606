package io.arr502.core.verdict;

import java.time.Duration;

/**
 * How evidence becomes a state. Defaults: warn above 1 % 502.3, critical above 5 %, rates judged
 * from 20 requests on (below that one error is 5 % and proves nothing); a sliding window whose logs hold no
 * request newer than 2 hours is a WARNING (see {@link #DEFAULT_SILENCE}).
 *
 * @param silence      in a window that ends now, no request logged for longer than this is silence (null: never)
 * @param silenceState the state silence gives (OK: silence is only said, never alerts)
 * @param judgeClientAborts whether the judged 502.3 count includes client aborts ({@link io.arr502.core.diagnosis.JudgedRate});
 *                     by default they are left out and the summary says how many
 */
public record VerdictOptions(Range warning, Range critical, MetricKind metric, long minRequests, String windowLabel,
                             boolean cumulativeCounts, Duration silence, State silenceState, boolean judgeClientAborts) {

    /**
     * Far above HTTP.sys's log buffering (it holds log lines in memory before writing them; Microsoft documents
     * {@code netsh http flush logbuffer} to force the write, so the newest lines can lag) and above a busy site's
     * quiet spells, short enough that a log which stopped being written does not stay green for a working
     * morning. A site with quiet nights sets a longer one, or the state OK.
     */
    public static final Duration DEFAULT_SILENCE = Duration.ofHours(2);
    /** A warning, not a page: a quiet night may cross the threshold, a stopped log must not stay green. */
    public static final State DEFAULT_SILENCE_STATE = State.WARNING;

    public VerdictOptions {
        silenceState = silenceState == null ? DEFAULT_SILENCE_STATE : silenceState;
    }

    /** With the default silence rule. */
    public VerdictOptions(Range warning, Range critical, MetricKind metric, long minRequests, String windowLabel,
                          boolean cumulativeCounts) {
        this(warning, critical, metric, minRequests, windowLabel, cumulativeCounts, DEFAULT_SILENCE, DEFAULT_SILENCE_STATE, false);
    }

    public static VerdictOptions defaults() {
        return new VerdictOptions(Range.parse("1"), Range.parse("5"), MetricKind.RATE, 20, "all", false);
    }

    public VerdictOptions withWindowLabel(String label) {
        return new VerdictOptions(warning, critical, metric, minRequests, label, cumulativeCounts, silence, silenceState, judgeClientAborts);
    }

    /** Silence longer than {@code after} (null: never) gives {@code state}. */
    public VerdictOptions withSilence(Duration after, State state) {
        return new VerdictOptions(warning, critical, metric, minRequests, windowLabel, cumulativeCounts, after, state, judgeClientAborts);
    }

    /** Client aborts counted in the judged 502.3 rate (true) or left out and said (false). */
    public VerdictOptions withClientAbortsJudged(boolean judge) {
        return new VerdictOptions(warning, critical, metric, minRequests, windowLabel, cumulativeCounts, silence, silenceState, judge);
    }
}
