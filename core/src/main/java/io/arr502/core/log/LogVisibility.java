package io.arr502.core.log;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the log engine could see in this run, so that a verdict never stays green on evidence it could not
 * read. Counts are of this run's read (a scheduled check with a state file reads only the new lines).
 *
 * @param linesRead        lines read, directives and blank lines included
 * @param requestsRead     request lines counted, inside the window or not (lines the route filter left out are not)
 * @param malformedRead    lines skipped as malformed
 * @param countedWithoutAValue 502 lines counted although one value was bad (e.g. time-taken), without that value
 * @param firstWithoutAValue   the first of them, with what was bad (null: none)
 * @param newestRequest    the newest request in the logs, inside the window or not (end of its minute); null: none found
 * @param windowEnd        where the window ends: now for a sliding window, the end of a from/to range; null when it
 *                         ends at the newest request (window all, --anchor latest)
 * @param live             the window ends now (a sliding window): a log that stopped being written matters
 * @param timed            the window needs each line's date and time
 * @param missingFields    fields the judgement uses that a #Fields in force does not log
 * @param formatProblems   why a file or directive cannot be read as a W3C log ("file: reason")
 */
public record LogVisibility(long linesRead, long requestsRead, long malformedRead, long countedWithoutAValue,
                            MalformedLine firstWithoutAValue, Instant newestRequest, Instant windowEnd, boolean live, boolean timed,
                            List<String> missingFields, List<String> formatProblems) {

    public LogVisibility {
        missingFields = List.copyOf(missingFields);
        formatProblems = List.copyOf(formatProblems);
    }

    /** How long before the window's end the newest request was logged; null when none was found or the window ends there. */
    public Duration newestRequestAge() {
        if (newestRequest == null || windowEnd == null) {
            return null;
        }
        Duration d = Duration.between(newestRequest, windowEnd);
        return d.isNegative() ? Duration.ZERO : d;
    }

    public boolean logs(String field) {
        return !missingFields.contains(field);
    }
}
