package io.arr502.core.log;

/**
 * Splits a W3C line on single spaces and decodes the fields arr502 uses, straight from the bytes.
 * Never throws: anything it cannot read sets {@link ParsedLine#error} and the line counts as malformed.
 */
final class LineParser {

    // grown once when a #Fields names more (custom fields), up to MAX_FIELDS
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private long cachedDayKey = -1;
    private long cachedEpochDay;

    /** Splits b[from, to) on spaces, then decodes it (tests and the fuzz target use this entry). */
    boolean parse(byte[] b, int from, int to, FieldLayout layout, ParsedLine out) {
        int n = 0;
        int s = from;
        for (int i = from; i < to; i++) {
            if (b[i] == ' ') {
                if (n + 1 >= starts.length && n + 1 < MAX_FIELDS) {
                    room(n + 2);
                }
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

    /**
     * Fields a line may have. IIS's standard set is 22 and custom fields add more; past this a #Fields is
     * refused with that reason (FieldLayout) rather than every line turning malformed.
     */
    static final int MAX_FIELDS = 1024;

    /** A substatus that is not logged (no sc-substatus field, or "-"): kept on a 502 only, where the judgement needs it. */
    static final int NO_SUBSTATUS = 99_999;
    /** HTTP_LOG_FIELDS_DATA's SubStatus is a USHORT: anything above is not a substatus IIS wrote. */
    private static final long MAX_SUBSTATUS = 65_535;

    private void room(int n) {
        int size = Math.min(MAX_FIELDS, Math.max(n, starts.length * 2));
        starts = java.util.Arrays.copyOf(starts, size);
        ends = java.util.Arrays.copyOf(ends, size);
    }

    /**
     * Decodes a line whose field count the scanner already knows, finding only the fields the layout
     * uses: forwards up to {@link FieldLayout#frontLast}, backwards down to {@link FieldLayout#backFirst},
     * eight bytes at a time (the long User-Agent and Referer in between are never split).
     * Works on any array; reads past {@code to} only inside the array and never takes a space from there.
     */
    boolean parseCounted(byte[] b, int from, int to, int n, FieldLayout layout, ParsedLine out) {
        if (n != layout.count) {
            return fail(out, "expected " + layout.count + " fields, found " + n);
        }
        if (n > starts.length) {
            if (n > MAX_FIELDS) {
                return fail(out, "more than " + MAX_FIELDS + " fields");
            }
            room(n);
        }
        if (!locateFront(b, from, to, n, layout.frontLast) || !locateBack(b, from, to, n, layout.backFirst)) {
            return fail(out, "expected " + layout.count + " fields, found a different number");
        }
        return parseFields(b, starts, ends, n, layout, out);
    }

    /** starts/ends of fields 0..last; false when the line has fewer spaces than promised. */
    private boolean locateFront(byte[] b, int from, int to, int n, int last) {
        if (last < 0) {
            return true;
        }
        int spacesNeeded = Math.min(last, n - 2) + 1; // field n-1 ends at the line end, not at a space
        int f = 0;
        int s = from;
        int p = from;
        while (f < spacesNeeded) {
            if (p + 8 <= b.length) {
                long sp = Words.zeroBytes(Words.at(b, p) ^ Words.SPACES);
                while (sp != 0) {
                    int q = p + (Long.numberOfTrailingZeros(sp) >>> 3);
                    if (q >= to) {
                        return false;
                    }
                    starts[f] = s;
                    ends[f] = q;
                    s = q + 1;
                    if (++f == spacesNeeded) {
                        break;
                    }
                    sp &= sp - 1;
                }
                p += 8;
            } else {
                if (p >= to) {
                    return false;
                }
                if (b[p] == ' ') {
                    starts[f] = s;
                    ends[f] = p;
                    s = p + 1;
                    f++;
                }
                p++;
            }
        }
        if (last == n - 1) {
            starts[f] = s;
            ends[f] = to;
        }
        return true;
    }

    /** starts/ends of fields first..n-1, found from the line end; false when spaces run out. */
    private boolean locateBack(byte[] b, int from, int to, int n, int first) {
        if (first >= n) {
            return true;
        }
        int stop = Math.max(first, 1); // field 0 starts at the line start, not after a space
        int f = n - 1;
        int e = to;
        int p = to;
        while (f >= stop) {
            if (p - 8 >= 0) {
                p -= 8;
                long sp = Words.zeroBytes(Words.at(b, p) ^ Words.SPACES);
                while (sp != 0) {
                    int bit = 63 - Long.numberOfLeadingZeros(sp);
                    int q = p + (bit >>> 3);
                    if (q < from) {
                        return false;
                    }
                    starts[f] = q + 1;
                    ends[f] = e;
                    e = q;
                    if (--f < stop) {
                        break;
                    }
                    sp &= ~(1L << bit);
                }
            } else {
                p--;
                if (p < from) {
                    return false;
                }
                if (b[p] == ' ') {
                    starts[f] = p + 1;
                    ends[f] = e;
                    e = p;
                    f--;
                }
            }
        }
        if (first == 0) {
            starts[0] = from;
            ends[0] = e;
        }
        return true;
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
        // a bad value in another field of a 502 line must not hide the 502: it is counted without that value
        // (see salvaged); on other lines it is malformed as before
        String bad = null;
        long sub = layout.substatus < 0 ? NO_SUBSTATUS
                : numberOrDash(b, starts[layout.substatus], ends[layout.substatus], MAX_SUBSTATUS, NO_SUBSTATUS);
        if (sub < 0) {
            bad = "sc-substatus is not a number";
            sub = NO_SUBSTATUS;
        }
        out.substatus = sub == NO_SUBSTATUS && out.status != 502 ? 0 : (int) sub;
        out.win32 = layout.win32 < 0 ? 0 : numberOrDash(b, starts[layout.win32], ends[layout.win32], 0xFFFF_FFFFL, 0);
        if (out.win32 < 0) {
            bad = "sc-win32-status is not a number";
            out.win32 = 0;
        }
        if (layout.timeTaken < 0) {
            out.timeTaken = -1;
        } else {
            out.timeTaken = numberOrDash(b, starts[layout.timeTaken], ends[layout.timeTaken], MAX_TIME_TAKEN, -2);
            if (out.timeTaken == -1) {
                bad = "time-taken is not a number of milliseconds";
            }
            if (out.timeTaken < 0) {
                out.timeTaken = -1;
            }
        }
        if (layout.date >= 0 && layout.time >= 0) {
            long m = minute(b, starts[layout.date], ends[layout.date], starts[layout.time], ends[layout.time]);
            if (m == ParsedLine.NO_MINUTE) {
                bad = "date/time not in yyyy-MM-dd HH:mm:ss form";
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
        if (bad != null) {
            out.error = bad;
            out.salvaged = out.status == 502;
            return false;
        }
        return true;
    }

    /** Larger values could not be summed without overflow: not a time-taken (IIS logs a DWORD of milliseconds). */
    static final long MAX_TIME_TAKEN = Long.MAX_VALUE / 4;

    private static boolean fail(ParsedLine out, String why) {
        out.error = why;
        out.salvaged = false;
        return false;
    }

    /** Unsigned decimal, -1 when not a number or above max. */
    private static long number(byte[] b, int from, int to, long max) {
        int len = to - from;
        if (len <= 0 || len > 19) {
            return -1;
        }
        if (len <= 8 && from + 8 <= b.length) {
            long v = Words.digits(Words.at(b, from), len);
            return v > max ? -1 : v;
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
        // lines come in time order: when date and HH:mm repeat the previous line's, only the seconds are new
        if (dt - df == 10 && tt - tf >= 8) {
            long k1 = Words.at(b, df);
            long k2 = (Words.at(b, tf) & 0xFF_FFFF_FFFFL) | (b[df + 8] & 0xFFL) << 40 | (b[df + 9] & 0xFFL) << 48;
            if (k1 == cachedMinuteKey1 && k2 == cachedMinuteKey2) {
                int s1 = b[tf + 6] - '0';
                int s2 = b[tf + 7] - '0';
                if (b[tf + 5] == ':' && s1 >= 0 && s1 <= 6 && s2 >= 0 && s2 <= 9 && s1 * 10 + s2 <= 60) {
                    return cachedMinute;
                }
                return ParsedLine.NO_MINUTE;
            }
            long m = fullMinute(b, df, dt, tf, tt);
            if (m != ParsedLine.NO_MINUTE) {
                cachedMinuteKey1 = k1;
                cachedMinuteKey2 = k2;
                cachedMinute = m;
            }
            return m;
        }
        return fullMinute(b, df, dt, tf, tt);
    }

    private long cachedMinuteKey1;
    private long cachedMinuteKey2 = -1; // no real key has all bits set
    private long cachedMinute;

    private long fullMinute(byte[] b, int df, int dt, int tf, int tt) {
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

    /** Decimal digits b[from, from + len), -1 when one is not a digit (len at most 9). */
    static int digits(byte[] b, int from, int len) {
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
