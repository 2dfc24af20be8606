package io.arr502.core.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IIS configuration durations: {@code [d.]hh:mm:ss[.fffffff]}. */
final class TimeSpans {
    private static final Pattern SPAN = Pattern.compile("^(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,7}))?$");

    private TimeSpans() {
    }

    static Duration parse(String text, String where) throws ConfigException {
        Matcher m = SPAN.matcher(text.trim());
        if (!m.matches()) {
            throw new ConfigException(where + " is not a time span (hh:mm:ss): '" + text + "'");
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        Duration d = Duration.ofDays(days).plusHours(Long.parseLong(m.group(2))).plusMinutes(Long.parseLong(m.group(3)))
                .plusSeconds(Long.parseLong(m.group(4)));
        if (m.group(5) != null) {
            String frac = (m.group(5) + "0000000").substring(0, 7);
            d = d.plusNanos(Long.parseLong(frac) * 100);
        }
        return d;
    }
}
