package io.arr502.core.log;

/**
 * Splits a W3C line on single spaces and decodes the fields arr502 uses, straight from the bytes.
 * Never throws: anything it cannot read sets {@link ParsedLine#error} and the line counts as malformed.
 */
final class LineParser {

    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];
    private long cachedDayKey = -1;
    private long cachedEpochDay;

    /** Splits b[from, to) on spaces, then decodes it (tests and the fuzz target use this entry). */
    boolean parse(byte[] b, int from, int to, FieldLayout layout, ParsedLine out) {
        int n = 0;
        int s = from;
        for (int i = from; i < to; i++) {
            if (b[i] == ' ') {
                if (n < MAX_FIELDS) {
                    starts[n] = s;
                    ends[n] = i;
                }
                n++;
                s = i + 1;
            }
        }
        if (n < MAX_FIELDS) {
            starts[n] = s;
            ends[n] = to;
        }
        return parseFields(b, starts, ends, n + 1, layout, out);
    }

    static final int MAX_FIELDS = 64;

    /**
     * Decodes a line whose field count the scanner already knows, finding only the fields the layout
     * uses: forwards up to {@link FieldLayout#frontLast}, backwards down to {@link FieldLayout#backFirst}.
     */
    boolean parseCounted(byte[] b, int from, int to, int n, FieldLayout layout, ParsedLine out) {
        if (n != layout.count) {
            out.error = "expected " + layout.count + " fields, found " + n;
            return false;
        }
        int f = 0;
        int s = from;
        int last = layout.frontLast;
        for (int i = from; f <= last; i++) {
            if (i == to || b[i] == ' ') {
                starts[f] = s;
                ends[f] = i;
                f++;
                s = i + 1;
            }
        }
        f = n - 1;
        int e = to;
        int first = layout.backFirst;
        for (int i = to - 1; f >= first; i--) {
            if (i < from || b[i] == ' ') {
                starts[f] = i + 1;
                ends[f] = e;
                f--;
                e = i;
            }
        }
        return parseFields(b, starts, ends, n, layout, out);
    }

    /**
     * Decodes a line already split into fields by the scanner.
     * @return true when the line was parsed; false with {@code out.error} set otherwise.
     */
    boolean parseFields(byte[] b, int[] starts, int[] ends, int n, FieldLayout layout, ParsedLine out) {
        out.error = null;
        if (n != layout.count) {
            return fail(out, "expected " + layout.count + " fields, found " + n);
        }
        if (n > MAX_FIELDS) {
            return fail(out, "more than " + MAX_FIELDS + " fields");
        }
        int st = layout.status;
        out.status = (int) number(b, starts[st], ends[st], 999);
        if (out.status < 100) {
            return fail(out, "sc-status is not a number");
        }
        out.substatus = layout.substatus < 0 ? 0 : (int) numberOrDash(b, starts[layout.substatus], ends[layout.substatus], 99_999, 0);
        if (out.substatus < 0) {
            return fail(out, "sc-substatus is not a number");
        }
        out.win32 = layout.win32 < 0 ? 0 : numberOrDash(b, starts[layout.win32], ends[layout.win32], 0xFFFF_FFFFL, 0);
        if (out.win32 < 0) {
            return fail(out, "sc-win32-status is not a number");
        }
        if (layout.timeTaken < 0) {
            out.timeTaken = -1;
        } else {
            out.timeTaken = numberOrDash(b, starts[layout.timeTaken], ends[layout.timeTaken], Long.MAX_VALUE / 4, -2);
            if (out.timeTaken == -1) {
                return fail(out, "time-taken is not a number");
            }
            if (out.timeTaken == -2) {
                out.timeTaken = -1;
            }
        }
        if (layout.date >= 0 && layout.time >= 0) {
            long m = minute(b, starts[layout.date], ends[layout.date], starts[layout.time], ends[layout.time]);
            if (m == ParsedLine.NO_MINUTE) {
                return fail(out, "date/time not in yyyy-MM-dd HH:mm:ss form");
            }
            out.epochMinute = m;
        } else {
            out.epochMinute = ParsedLine.NO_MINUTE;
        }
        out.uriFrom = starts[layout.uriStem];
        out.uriTo = ends[layout.uriStem];
        if (layout.site >= 0) {
            out.siteFrom = starts[layout.site];
            out.siteTo = ends[layout.site];
        } else {
            out.siteFrom = out.siteTo = -1;
        }
        if (layout.serverIp >= 0) {
            out.ipFrom = starts[layout.serverIp];
            out.ipTo = ends[layout.serverIp];
        } else {
            out.ipFrom = out.ipTo = -1;
        }
        return true;
    }

    private static boolean fail(ParsedLine out, String why) {
        out.error = why;
        return false;
    }

    /** Unsigned decimal, -1 when not a number or above max. */
    private static long number(byte[] b, int from, int to, long max) {
        if (from >= to || to - from > 19) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v > max ? -1 : v;
    }

    /** Like {@link #number} but "-" (empty) gives {@code dash}. */
    private static long numberOrDash(byte[] b, int from, int to, long max, long dash) {
        if (to - from == 1 && b[from] == '-') {
            return dash;
        }
        return number(b, from, to, max);
    }

    private long minute(byte[] b, int df, int dt, int tf, int tt) {
        if (dt - df != 10 || b[df + 4] != '-' || b[df + 7] != '-' || tt - tf < 8 || b[tf + 2] != ':' || b[tf + 5] != ':') {
            return ParsedLine.NO_MINUTE;
        }
        int y = digits(b, df, 4);
        int mo = digits(b, df + 5, 2);
        int d = digits(b, df + 8, 2);
        int h = digits(b, tf, 2);
        int mi = digits(b, tf + 3, 2);
        int sec = digits(b, tf + 6, 2);
        if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) {
            return ParsedLine.NO_MINUTE;
        }
        long dayKey = y * 10000L + mo * 100L + d;
        if (dayKey != cachedDayKey) {
            try {
                cachedEpochDay = java.time.LocalDate.of(y, mo, d).toEpochDay();
            } catch (java.time.DateTimeException e) {
                return ParsedLine.NO_MINUTE;
            }
            cachedDayKey = dayKey;
        }
        return cachedEpochDay * 1440 + h * 60L + mi;
    }

    private static int digits(byte[] b, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
