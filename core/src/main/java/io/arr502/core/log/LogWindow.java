package io.arr502.core.log;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which requests count: all of them, the last {@code duration} before the run's end time
 * ({@code now}, or the newest request with anchor "latest"), or [from, to).
 */
public record LogWindow(Duration last, Instant from, Instant to) {

    public static final LogWindow ALL = new LogWindow(null, null, null);

    public static LogWindow last(Duration d) {
        Objects.requireNonNull(d, "duration");
        return new LogWindow(d, null, null);
    }

    /** Requests with from &lt;= time &lt; to; either bound may be null (open). */
    public static LogWindow between(Instant from, Instant to) {
        return new LogWindow(null, from, to);
    }

    public boolean isAll() {
        return last == null && from == null && to == null;
    }

    /**
     * [startMs, endMs) in epoch milliseconds for the given end instant, aligned to whole UTC
     * minutes: a minute counts when its start lies in the window. Full and incremental runs
     * (which keep per-minute aggregates) therefore select exactly the same requests.
     */
    long[] bounds(Instant end) {
        long s, e;
        if (last != null) {
            e = end.toEpochMilli() + 1; // a request logged exactly at "end" counts
            s = e - last.toMillis();
        } else {
            s = from == null ? Long.MIN_VALUE : from.toEpochMilli();
            e = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        }
        return new long[] {ceilMinute(s), ceilMinute(e)};
    }

    private static long ceilMinute(long ms) {
        if (ms == Long.MIN_VALUE || ms == Long.MAX_VALUE) {
            return ms;
        }
        return -Math.floorDiv(-ms, 60_000L) * 60_000L;
    }
}
