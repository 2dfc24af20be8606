package io.arr502.core.verdict;

import io.arr502.core.log.LogSummary;
import io.arr502.core.log.LogVisibility;
import io.arr502.core.log.MalformedLine;
import io.arr502.core.log.RequestLine;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the logs were seen well enough to judge, and what the verdict must say about what it could not
 * see: a log nothing parses is UNKNOWN, not "0 of 0"; a field the judgement needs that is not logged is
 * said; a log that stopped being written is silence, not OK.
 */
final class LogTrust {
    /** Above this share of malformed lines the rest is no sample of the traffic: UNKNOWN. */
    static final double MAX_MALFORMED_SHARE = 0.5;
    /** From this share on the summary says how much was not counted (a partial verdict). */
    static final double STATED_MALFORMED_SHARE = 0.01;

    private LogTrust() {
    }

    /** Why nothing usable was read (the verdict is UNKNOWN with it), or null. */
    static String unreadable(LogSummary logs) {
        LogVisibility v = logs.visibility();
        if (v == null) {
            return null;
        }
        long refused = v.malformedRead();
        if (v.requestsRead() == 0 && (refused > 0 || !v.formatProblems().isEmpty())) {
            return v.linesRead() == 0 ? "no request could be read: " + firstReason(logs)
                    : String.format(Locale.US, "no request could be read from %,d lines: %s", v.linesRead(), firstReason(logs));
        }
        if (refused >= 10 && refused > MAX_MALFORMED_SHARE * (refused + v.requestsRead())) {
            return String.format(Locale.US, "%,d of %,d lines are malformed, too many to judge the rest: %s",
                    refused, refused + v.requestsRead(), firstReason(logs));
        }
        if (v.timed() && v.requestsRead() > 0 && logs.requests() == 0 && (!v.logs("date") || !v.logs("time"))) {
            return "the logs have no date/time fields, so no request can be placed in a time window (use --window all)";
        }
        return null;
    }

    private static String firstReason(LogSummary logs) {
        if (!logs.visibility().formatProblems().isEmpty()) {
            return logs.visibility().formatProblems().get(0);
        }
        MalformedLine m = logs.malformedExamples().isEmpty() ? null : logs.malformedExamples().get(0);
        return m == null ? "no line is a W3C request" : fileName(m.file()) + ":" + m.lineNumber() + " " + m.reason();
    }

    /** Summary parts for a partial verdict: what was counted on less than the full evidence. */
    static List<String> partial(LogSummary logs) {
        List<String> out = new ArrayList<>();
        long unknownSub = logs.count(LogSummary.UNKNOWN_SUBSTATUS_502);
        if (unknownSub > 0) {
            out.add(String.format(Locale.US, "%d of them 502 with no substatus logged, counted as 502.3", unknownSub));
        }
        LogVisibility v = logs.visibility();
        if (v == null) {
            return out;
        }
        if (logs.count502_3() + unknownSub > 0 && !v.logs("sc-win32-status")) {
            out.add("sc-win32-status not logged: the 502.3 cannot be told apart by cause");
        }
        long lines = v.malformedRead() + v.requestsRead();
        if (v.malformedRead() > 0 && v.malformedRead() >= STATED_MALFORMED_SHARE * lines) {
            out.add(String.format(Locale.US, "%,d of %,d lines malformed and not counted", v.malformedRead(), lines));
        }
        if (!v.formatProblems().isEmpty() && v.requestsRead() > 0) {
            out.add("partly unreadable: " + v.formatProblems().get(0));
        }
        return out;
    }

    /** The summary part when the log has been silent too long in a window that ends now, or null. */
    static String silence(LogSummary logs, VerdictOptions opt) {
        LogVisibility v = logs.visibility();
        if (v == null || !v.live() || opt.silence() == null) {
            return null;
        }
        Duration age = v.newestRequestAge();
        if (age != null && age.compareTo(opt.silence()) <= 0) {
            return null;
        }
        String why = "the site may be down, its logging disabled or moved (silence over " + span(opt.silence()) + ")";
        return age == null ? "no request found in the logs: " + why
                : "no request logged for " + span(age) + " (newest " + v.newestRequest().truncatedTo(ChronoUnit.MINUTES)
                        + "): " + why;
    }

    /** Long-output lines: what was read and what could not be seen. */
    static List<String> lines(LogSummary logs, String windowLabel) {
        List<String> out = new ArrayList<>();
        LogVisibility v = logs.visibility();
        if (v == null) {
            return out;
        }
        Duration age = v.newestRequestAge();
        // the window's requests and malformed lines are on the first line and in 'malformed lines'; this run's read
        // (a scheduled check reads only new lines) is in the JSON, so that two runs over the same lines say the same
        out.add("newest request " + (v.newestRequest() == null ? "none found" : v.newestRequest().truncatedTo(ChronoUnit.MINUTES)
                        + (age == null ? "" : " (" + span(age) + " before the window's end, window " + windowLabel + ")")));
        for (String f : v.missingFields()) {
            out.add("not logged: " + f + " - " + switch (f) {
                case "sc-substatus" -> "a 502's substatus is unknown: such 502s count as 502.3 and are said";
                case "sc-win32-status" -> "the 502.3 cannot be told apart by cause (timeout, refused, reset)";
                case "time-taken" -> "no latency and no timeout headroom";
                default -> "requests cannot be placed in a time window";
            });
        }
        for (String p : v.formatProblems()) {
            out.add("unreadable: " + p);
        }
        if (v.countedWithoutAValue() > 0) {
            MalformedLine m = v.firstWithoutAValue();
            out.add(String.format(Locale.US, "%,d 502 lines with a bad value were counted without it%s", v.countedWithoutAValue(),
                    m == null ? "" : " (first: " + fileName(m.file()) + ":" + m.lineNumber() + " " + m.reason() + ")"));
        }
        return out;
    }

    /** One line per example: file:line and the fields that matter. */
    static List<String> exampleLines(List<RequestLine> examples) {
        List<String> out = new ArrayList<>();
        for (RequestLine r : examples) {
            out.add("502.3 line " + r.file() + ":" + r.lineNumber() + " " + r.text());
        }
        return out;
    }

    static String span(Duration d) {
        long m = d.toMinutes();
        if (m < 1) {
            return d.toSeconds() + " s";
        }
        if (m < 60) {
            return m + " min";
        }
        long h = m / 60;
        return h >= 48 ? (h / 24) + " days" : m % 60 == 0 ? h + " h" : h + " h " + (m % 60) + " min";
    }

    private static String fileName(String path) {
        java.nio.file.Path p = java.nio.file.Path.of(path).getFileName();
        return p == null ? path : p.toString();
    }
}
