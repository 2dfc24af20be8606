package io.arr502.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads one W3C log file as bytes and feeds a {@link Tally}: no String per line or field on the
 * hot path. Directives (#Fields …) switch the layout from the next line on. A last line without
 * its newline is left unconsumed ({@link #consumed} stops before it) for the next run.
 */
final class LineScanner {
    private static final int BUF = 1 << 20;

    /** Where a request at a given time is counted: one tally, or one per minute for the incremental state. */
    interface Sink {
        Tally tallyFor(long timeMs);
    }

    private final Tally tally;
    private final Sink sink;
    private byte[] folderSite = new byte[0];
    private final long startMs, endMs;
    private final int maxExamples;
    private final ByteRoute route = new ByteRoute();
    private final int[] fs = new int[128], fe = new int[128];

    private FieldLayout layout;
    /** While set and no #Fields seen yet, requests and malformed lines go here (a chunk's guessed layout). */
    Tally speculative;
    boolean sawFields;
    long linesBeforeFields;
    long firstFieldsOffset = -1;
    private long lineStart;
    private long startLineNo;
    long limit = Long.MAX_VALUE;
    private String fileName;
    private long lineNo;
    /** Bytes of the file consumed up to the last complete line. */
    long consumed;
    long bytesRead;
    private long cachedDay = Long.MIN_VALUE;
    private final byte[] cachedDate = new byte[10];

    LineScanner(Tally tally, long startMs, long endMs, int maxExamples) {
        this(tally, t -> tally, startMs, endMs, maxExamples);
    }

    /** @param tally receives malformed lines; {@code sink} receives requests */
    LineScanner(Tally tally, Sink sink, long startMs, long endMs, int maxExamples) {
        this.tally = tally;
        this.sink = sink;
        this.startMs = startMs;
        this.endMs = endMs;
        this.maxExamples = maxExamples;
    }

    /** Scans file from byte offset {@code from} (0 = whole file; layout must be given when from &gt; 0). */
    void scan(Path file, long from, FieldLayout initialLayout, long firstLineNo) throws IOException {
        fileName = file.toString();
        layout = initialLayout;
        lineNo = firstLineNo;
        startLineNo = firstLineNo;
        folderSite = LogFiles.siteFolder(file).getBytes(StandardCharsets.UTF_8);
        consumed = from;
        byte[] buf = new byte[BUF];
        int have = 0;
        boolean skippingLongLine = false;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = from;
            while (true) {
                int room = (int) Math.min(buf.length - have, limit - pos);
                if (room <= 0) {
                    break;
                }
                int n = ch.read(ByteBuffer.wrap(buf, have, room), pos);
                if (n <= 0) {
                    break;
                }
                pos += n;
                bytesRead += n;
                int end = have + n;
                int start = 0;
                if (consumed == 0 && end >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                    start = 3; // UTF-8 BOM
                    consumed = 3;
                }
                int nl;
                while ((nl = indexOf(buf, start, end)) >= 0) {
                    lineNo++;
                    lineStart = consumed;
                    if (skippingLongLine) {
                        skippingLongLine = false;
                    } else {
                        line(buf, start, nl);
                    }
                    consumed += nl + 1 - start;
                    start = nl + 1;
                }
                have = end - start;
                if (have == buf.length) {
                    // a line longer than the buffer: count it once and skip to its end
                    bad().malformed(fileName, lineNo + 1, "line longer than " + BUF + " bytes", maxExamples);
                    skippingLongLine = true;
                    consumed += have;
                    have = 0;
                } else if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, have);
                }
            }
        }
    }

    private Tally bad() {
        return speculative != null && !sawFields ? speculative : tally;
    }

    FieldLayout layout() {
        return layout;
    }

    long lineNo() {
        return lineNo;
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** One line b[from, to) without its '\n'. Never throws. */
    void line(byte[] b, int from, int to) {
        if (to > from && b[to - 1] == '\r') {
            to--;
        }
        if (to == from) {
            return; // blank line: IIS never writes one, ignoring it is harmless
        }
        if (b[from] == '#') {
            directive(b, from, to);
            return;
        }
        FieldLayout l = layout;
        if (l == null) {
            bad().malformed(fileName, lineNo, "data line before any #Fields directive", maxExamples);
            return;
        }
        int n = 0;
        int i = from;
        while (i < to && n < fs.length) {
            int s = i;
            while (i < to && b[i] != ' ') {
                i++;
            }
            fs[n] = s;
            fe[n] = i;
            n++;
            i++;
        }
        if (i <= to && n == fs.length || n != l.count) {
            bad().malformed(fileName, lineNo, "expected " + l.count + " fields, found " + (n >= fs.length ? "more than " + fs.length : n), maxExamples);
            return;
        }
        long timeMs = Long.MIN_VALUE;
        if (l.date >= 0 && l.time >= 0) {
            long day = day(b, fs[l.date], fe[l.date]);
            long sec = seconds(b, fs[l.time], fe[l.time]);
            if (day == Long.MIN_VALUE || sec < 0) {
                bad().malformed(fileName, lineNo, "unparsable date/time", maxExamples);
                return;
            }
            timeMs = (day * 86_400L + sec) * 1000L;
            if (timeMs < startMs || timeMs >= endMs) {
                return;
            }
        } else if (startMs != Long.MIN_VALUE || endMs != Long.MAX_VALUE) {
            return; // no time logged: cannot be placed in a window
        }
        int status = l.status >= 0 ? num(b, fs[l.status], fe[l.status]) : 0;
        int sub = l.substatus >= 0 ? num(b, fs[l.substatus], fe[l.substatus]) : 0;
        int win32 = l.win32 >= 0 ? num(b, fs[l.win32], fe[l.win32]) : 0;
        long taken = l.timeTaken >= 0 ? lnum(b, fs[l.timeTaken], fe[l.timeTaken]) : -1;
        if (status == BAD || sub == BAD || win32 == BAD || taken == BAD) {
            bad().malformed(fileName, lineNo, "unparsable number in status, substatus, win32 or time-taken", maxExamples);
            return;
        }
        if (status == EMPTY) status = 0;
        if (sub == EMPTY) sub = 0;
        if (win32 == EMPTY) win32 = 0;
        if (taken == EMPTY) taken = -1;
        if (l.stem >= 0) {
            route.normalize(b, fs[l.stem], fe[l.stem]);
        } else {
            route.normalize(b, 0, 0);
        }
        Tally t = speculative != null && !sawFields ? speculative : sink.tallyFor(timeMs);
        int routeId = t.routeId(route.out, route.len);
        int siteId = l.site >= 0 && !dash(b, fs[l.site], fe[l.site]) ? t.siteNames.intern(b, fs[l.site], fe[l.site])
                : t.siteNames.intern(folderSite, 0, folderSite.length);
        int ipId = l.sip >= 0 ? t.ipNames.intern(b, fs[l.sip], fe[l.sip]) : t.ipNames.intern(b, 0, 0);
        t.add(timeMs, status, sub, win32, taken, routeId, siteId, ipId);
    }

    private void directive(byte[] b, int from, int to) {
        int len = to - from;
        if (len >= 8 && regionMatches(b, from, "#Fields:")) {
            layout = FieldLayout.parse(new String(b, from + 8, len - 8, StandardCharsets.UTF_8));
            if (!sawFields) {
                sawFields = true;
                linesBeforeFields = lineNo - 1 - startLineNo;
                firstFieldsOffset = lineStart;
            }
        }
        // #Software, #Version, #Date, #Remark: informational only
    }

    private static boolean regionMatches(byte[] b, int from, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (b[from + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean dash(byte[] b, int s, int e) {
        return e - s == 1 && b[s] == '-';
    }

    static final int BAD = Integer.MIN_VALUE, EMPTY = Integer.MIN_VALUE + 1;

    private static int num(byte[] b, int s, int e) {
        long v = lnum(b, s, e);
        return v == BAD || v == EMPTY ? (int) v : v > Integer.MAX_VALUE ? BAD : (int) v;
    }

    private static long lnum(byte[] b, int s, int e) {
        if (dash(b, s, e)) {
            return EMPTY;
        }
        if (e == s || e - s > 18) {
            return BAD;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return BAD;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Epoch day of yyyy-MM-dd, or Long.MIN_VALUE. Cached: a file holds one or two dates. */
    private long day(byte[] b, int s, int e) {
        if (e - s != 10) {
            return Long.MIN_VALUE;
        }
        if (cachedDay != Long.MIN_VALUE && java.util.Arrays.equals(cachedDate, 0, 10, b, s, e)) {
            return cachedDay;
        }
        if (b[s + 4] != '-' || b[s + 7] != '-') {
            return Long.MIN_VALUE;
        }
        int y = digits(b, s, 4), m = digits(b, s + 5, 2), d = digits(b, s + 8, 2);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) {
            return Long.MIN_VALUE;
        }
        try {
            cachedDay = java.time.LocalDate.of(y, m, d).toEpochDay();
        } catch (java.time.DateTimeException ex) {
            return Long.MIN_VALUE;
        }
        System.arraycopy(b, s, cachedDate, 0, 10);
        return cachedDay;
    }

    /** Seconds of the day of HH:mm:ss (an optional fraction is ignored), or -1. */
    private static long seconds(byte[] b, int s, int e) {
        if (e - s < 8 || b[s + 2] != ':' || b[s + 5] != ':') {
            return -1;
        }
        int h = digits(b, s, 2), m = digits(b, s + 3, 2), sec = digits(b, s + 6, 2);
        if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 60) {
            return -1;
        }
        if (e - s > 8 && b[s + 8] != '.') {
            return -1;
        }
        return h * 3600L + m * 60L + sec;
    }

    private static int digits(byte[] b, int s, int n) {
        int v = 0;
        for (int i = s; i < s + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
