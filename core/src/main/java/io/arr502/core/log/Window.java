package io.arr502.core.log;

import java.time.Duration;
import java.time.Instant;

/**
 * Which requests count. {@code ALL}: everything read; {@code LAST}: the last {@code length} ending at
 * {@code now} (or at the newest request seen when {@code anchorLatest}, for forensic runs on old logs);
 * {@code RANGE}: [from, to).
 */
public record Window(Kind kind, Duration length, Instant from, Instant to, boolean anchorLatest) {

    public enum Kind { ALL, LAST, RANGE }

    /** A hundred years: longer spans are typing mistakes, and overflow minute arithmetic. */
    static final Duration MAX_DURATION = Duration.ofDays(36_500);

    public static Window all() {
        return new Window(Kind.ALL, null, null, null, false);
    }

    public static Window last(Duration length) {
        return new Window(Kind.LAST, length, null, null, false);
    }

    public static Window lastBeforeNewest(Duration length) {
        return new Window(Kind.LAST, length, null, null, true);
    }

    public static Window range(Instant from, Instant to) {
        return new Window(Kind.RANGE, null, from, to, false);
    }

    /** Parses "all", "15m", "1h", "90s", "2d". */
    public static Window parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("all")) {
            return all();
        }
        return last(parseDuration(text));
    }

    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.length() < 2) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 90s, 15m, 1h, 2d)");
        }
        char unit = t.charAt(t.length() - 1);
        long n;
        try {
            n = Long.parseLong(t.substring(0, t.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 90s, 15m, 1h, 2d)");
        }
        if (n <= 0) {
            throw new IllegalArgumentException("duration must be positive: '" + text + "'");
        }
        Duration d;
        try {
            d = switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 90s, 15m, 1h, 2d)");
            };
        } catch (ArithmeticException e) {
            d = null;
        }
        if (d == null || d.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration too long: '" + text + "' (at most 36500d)");
        }
        return d;
    }
}
