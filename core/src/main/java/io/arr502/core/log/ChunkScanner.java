package io.arr502.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads one byte range of one log file line by line and feeds the accumulator. Owned by one thread.
 * Only complete lines are consumed: a last line without its newline is left for the next run.
 */
final class ChunkScanner {
    /** Small enough to stay in a core's L2 cache between the read and the scan; grows for a longer line. */
    static final int BUFFER = 1 << 18;
    /**
     * Lines up to this long are read (logged cookies or query strings can be long when http.sys's
     * MaxRequestBytes is raised); a longer one is malformed. Bounded so that a hostile file costs each
     * scanning thread at most this much heap.
     */
    static final int MAX_LINE = 1 << 22;

    /** stopped: the read deadline passed before the range's end; consumedEnd says how far it got. */
    record Result(long consumedEnd, FieldLayout layoutAtEnd, long lines, long firstDirective, boolean stopped) {
    }

    // loaded up front: a class first met at the end of the compiled scan loop throws that code away
    private static final Result NOTHING_YET = new Result(0, null, 0, -1, false);

    /** No read deadline. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    /** cap bytes plus padding, so a word can be read at any position below cap. */
    private byte[] buf = new byte[BUFFER + 16];
    private int cap = BUFFER;
    private final LineParser parser = new LineParser();
    private final ParsedLine line = new ParsedLine();
    private final RouteBytes routeBytes = new RouteBytes();
    private final RouteTable routeTable = new RouteTable();
    private final ByteKey routeProbe = new ByteKey(new byte[0], 0, 0);
    private final GroupCache sites = new GroupCache();
    private final GroupCache ips = new GroupCache();
    private final Outcomes outcomes = new Outcomes();

    /**
     * @param prefix  when non-null, lines before the chunk's first directive go here instead of {@code acc}
     *                (the caller assumed their layout and may have to redo them)
     * @param folderSite site key to use when the layout has no s-sitename
     * @param stopAt  epoch milliseconds after which no further buffer is read ({@link #NO_DEADLINE}: none);
     *                reading goes on until at least one line is in, so a run makes progress however late it starts
     */
    Result scan(FileChannel ch, long start, long end, FieldLayout layout, Accumulator acc, Accumulator prefix,
                String file, ByteKey folderSite, long stopAt) throws IOException {
        bufPos = start;
        int len = 0;
        lines = 0;
        firstDirective = -1;
        skippingLong = false;
        target = prefix != null ? prefix : acc;
        this.layout = layout;
        filter = acc.routeFilter;
        decided = null;
        boolean first = start == 0;
        while (true) {
            boolean more = true;
            while (len < cap && bufPos + len < end) {
                int want = (int) Math.min(cap - len, end - (bufPos + len));
                int r = ch.read(ByteBuffer.wrap(buf, len, want), bufPos + len);
                if (r < 0) {
                    end = bufPos + len; // the file shrank while we read it
                    break;
                }
                len += r;
            }
            if (bufPos + len >= end) {
                more = false;
            }
            int lineStart = 0;
            if (first) {
                first = false;
                if (len >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
                    lineStart = 3;
                }
            }
            int nl;
            // no separate lineStart < len test (lineEnd answers -1 there): a buffer that ends exactly at a line
            // end is rare, and a branch the JIT has never seen taken throws the compiled scan loop away
            while ((nl = lineEnd(buf, lineStart, len)) >= 0) {
                line(lineStart, nl, lineSpaces + 1, acc, prefix, file, folderSite);
                lineStart = nl + 1;
            }
            // only once a line is in: a run that starts late, or inside a line longer than the buffer, still moves on
            boolean late = more && lines > 0 && stopAt != NO_DEADLINE && System.currentTimeMillis() >= stopAt;
            if (!more || late) {
                outcomes.fold(acc);
                if (prefix != null) {
                    outcomes.fold(prefix);
                }
                return new Result(bufPos + lineStart, this.layout, lines, firstDirective, late);
            }
            if (lineStart == 0 && len == cap && cap < MAX_LINE) {
                cap *= 2; // a line longer than the buffer: read on, it is scanned again from its start
                buf = java.util.Arrays.copyOf(buf, cap + 16);
                continue;
            }
            if (lineStart == 0 && len == cap) {
                // a single line longer than MAX_LINE: count it once as malformed and skip to its end
                if (!skippingLong) {
                    target.malformed(file, lines + 1, "line longer than " + MAX_LINE + " bytes");
                    skippingLong = true;
                }
                bufPos += len;
                len = 0;
                continue;
            }
            System.arraycopy(buf, lineStart, buf, 0, len - lineStart);
            bufPos += lineStart;
            len -= lineStart;
        }
    }

    /** The spaces {@link #lineEnd} counted in the line it found. */
    private int lineSpaces;

    /**
     * The newline ending the line that starts at {@code from}, or -1 when none comes before {@code len}; its
     * spaces are counted on the way (exact zero-byte test, so popcount is exact), eight bytes at a time.
     * A method called per line, not a loop inside {@link #scan}: a short run's interpreter compiles it after
     * a few hundred lines, where the loop would wait for tens of thousands of iterations to be replaced.
     */
    private int lineEnd(byte[] b, int from, int len) {
        int j = from;
        int spaces = 0;
        int limit = len - 8;
        // two words per step: most 16-byte runs hold no newline and only need their spaces counted
        while (j <= limit - 8) {
            long w1 = Words.at(b, j);
            long w2 = Words.at(b, j + 8);
            if ((Words.zeroBytes(w1 ^ Words.NEWLINES) | Words.zeroBytes(w2 ^ Words.NEWLINES)) != 0) {
                break;
            }
            spaces += Long.bitCount(Words.zeroBytes(w1 ^ Words.SPACES)) + Long.bitCount(Words.zeroBytes(w2 ^ Words.SPACES));
            j += 16;
        }
        while (j <= limit) {
            long w = Words.at(b, j);
            long sp = Words.zeroBytes(w ^ Words.SPACES);
            long nl = Words.zeroBytes(w ^ Words.NEWLINES);
            if (nl != 0) {
                long bit = nl & -nl;
                lineSpaces = spaces + Long.bitCount(sp & (bit - 1));
                return j + (Long.numberOfTrailingZeros(bit) >>> 3);
            }
            spaces += Long.bitCount(sp);
            j += 8;
        }
        for (; j < len; j++) {
            byte c = b[j];
            if (c == ' ') {
                spaces++;
            } else if (c == '\n') {
                lineSpaces = spaces;
                return j;
            }
        }
        return -1;
    }

    // per-scan state shared with line()
    private long bufPos;
    private long lines;
    private long firstDirective;
    private boolean skippingLong;
    private Accumulator target;
    private FieldLayout layout;

    /** One complete line [a, nl) with {@code fields} space-separated fields. */
    private void line(int a, int nl, int fields, Accumulator acc, Accumulator prefix, String file, ByteKey folderSite) {
        lines++;
        int b = nl;
        if (b > a && buf[b - 1] == '\r') {
            b--;
        }
        if (skippingLong) {
            skippingLong = false;
            return;
        }
        if (b == a) {
            target.otherLines++;
            return;
        }
        if (buf[a] == '#') {
            if (firstDirective < 0) {
                firstDirective = bufPos + a;
                target = acc;
            }
            if (!startsWith(buf, a, b, "#Fields:") || fieldsDirective(a, b, acc, file)) {
                acc.otherLines++; // a refused #Fields is counted as malformed instead
            }
            return;
        }
        if (layout == null) {
            target.malformed(file, lines, "request line before any usable #Fields directive");
            return;
        }
        if (!parser.parseCounted(buf, a, b, fields, layout, line)) {
            unparsed(a, b, file, folderSite);
            return;
        }
        count(target, folderSite);
    }

    /** A #Fields directive: the layout from the next line on, or none (with the reason) when lines cannot be judged by it. */
    private boolean fieldsDirective(int a, int b, Accumulator acc, String file) {
        layout = FieldLayout.parse(buf, a + 8, b);
        String unusable = FieldLayout.unusable(layout);
        if (unusable != null) {
            acc.malformed(file, lines, unusable);
            acc.formatProblem(file, unusable);
            layout = null;
            return false;
        }
        acc.noteLayout(layout);
        if (contains(buf, a, b, (byte) '\t')) {
            acc.formatProblem(file, "tab-separated #Fields (W3C separates fields with single spaces)");
        }
        return true;
    }

    /** A line the parser refused: a 502 with one bad value is counted without it, anything else is malformed. */
    private void unparsed(int a, int b, String file, ByteKey folderSite) {
        if (line.salvaged) {
            target.salvaged(file, lines, line.error);
            count(target, folderSite);
            return;
        }
        String why = line.error;
        if (contains(buf, a, b, (byte) '\t')) {
            why = "tab-separated fields (W3C separates fields with single spaces): " + why;
        }
        target.malformed(file, lines, why);
    }

    private static boolean contains(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * Counts the parsed line. Every outcome takes the same path, table lookups instead of branches on the
     * status (see {@link Outcomes}); only an outcome past the table's size goes the slow way.
     */
    private void count(Accumulator acc, ByteKey folderSite) {
        ParsedLine p = line;
        if (filter != null && leftOut(acc, p)) {
            return;
        }
        Stats s = acc.statsFor(p.epochMinute);
        if (s == null) {
            return;
        }
        Outcomes o = outcomes;
        int id = o.id(p.status, p.substatus, p.win32);
        if (id < 0) {
            countUnnumbered(acc, s, folderSite);
            return;
        }
        s.requests++;
        long[] c = s.outcomeCounts;
        if (c == null) {
            c = s.outcomeCounts = Outcomes.newCounts();
        }
        c[id]++;
        route(s, p.uriFrom, p.uriTo).count(id, o.histKind[id], o.histInc[id], p.timeTaken);
        int gc = o.groupCol[id];
        long gi = o.groupInc[id];
        long[] g = p.siteFrom >= 0 ? sites.counter(s, s.sites, buf, p.siteFrom, p.siteTo) : sites.counter(s, s.sites, folderSite);
        g[0]++;
        g[gc] += gi;
        if (p.ipFrom >= 0) {
            g = ips.counter(s, s.ips, buf, p.ipFrom, p.ipTo);
            g[0]++;
            g[gc] += gi;
        }
        long[] ser = acc.seriesForCached();
        if (ser != null) {
            int k = id * 3;
            ser[Accumulator.SERIES_REQUESTS]++;
            ser[o.seriesCol[k]] += o.seriesInc[k];
            ser[o.seriesCol[k + 1]] += o.seriesInc[k + 1];
            ser[o.seriesCol[k + 2]] += o.seriesInc[k + 2];
        }
    }

    /** The line's outcome has no id (a log with more than {@link Outcomes#MAX} of them): straight into the maps. */
    private void countUnnumbered(Accumulator acc, Stats s, ByteKey folderSite) {
        ParsedLine p = line;
        int status = p.status;
        int sub = p.substatus;
        s.requests++;
        s.addStatus(status, sub);
        boolean is5023 = status == 502 && sub == 3;
        if (is5023) {
            s.win32For5023.computeIfAbsent(p.win32, k -> new long[1])[0]++;
        }
        route(s, p.uriFrom, p.uriTo).add(status, sub, p.win32, p.timeTaken);
        Stats.countGroup(p.siteFrom >= 0 ? sites.counter(s, s.sites, buf, p.siteFrom, p.siteTo)
                : sites.counter(s, s.sites, folderSite), status, sub);
        if (p.ipFrom >= 0) {
            Stats.countGroup(ips.counter(s, s.ips, buf, p.ipFrom, p.ipTo), status, sub);
        }
        long[] ser = acc.seriesForCached();
        if (ser != null) {
            ser[Accumulator.SERIES_REQUESTS]++;
            int n = Outcomes.seriesColumns(status, sub, p.win32, unnumberedColumns);
            for (int k = 0; k < n; k++) {
                ser[unnumberedColumns[k]]++;
            }
        }
    }

    private final int[] unnumberedColumns = new int[3];


    /** The route filter in force (null: every route counts). */
    private RouteFilter filter;
    /** The filter's answers for routes the full route table could not take, bounded like the table. */
    private final java.util.HashMap<String, Boolean> overflowAnswers = new java.util.HashMap<>();
    /** The kept line's route, normalised and interned by {@link #leftOut}, for {@link #route} to reuse (null: none). */
    private RouteTable.Entry decided;

    /**
     * True when the filter leaves the line's route out: counted only as left out, before its minute or anything
     * else sees it. Asked once per distinct route (the answer is kept on the route's table entry).
     */
    private boolean leftOut(Accumulator acc, ParsedLine p) {
        int rl = routeBytes.normalize(buf, p.uriFrom, p.uriTo);
        RouteTable.Entry e = routeTable.intern(routeBytes.buffer(), rl);
        boolean out;
        String name = null;
        if (e != null) {
            if (e.filtered == 0) {
                name = e.key.toString();
                e.filtered = filter.keeps().test(name) ? (byte) 1 : (byte) 2;
            }
            out = e.filtered == 2;
        } else {
            name = new ByteKey(routeBytes.buffer(), 0, rl).toString();
            Boolean keep = overflowAnswers.get(name);
            if (keep == null) {
                if (overflowAnswers.size() >= RouteTable.MAX_ENTRIES) {
                    overflowAnswers.clear();
                }
                keep = filter.keeps().test(name);
                overflowAnswers.put(name, keep);
            }
            out = !keep;
        }
        if (out) {
            target.filteredOut++;
            if (name != null) {
                target.filtered(name);
            }
            return true;
        }
        decided = e;
        return false;
    }

    /** The route's totals in s: interned bytes, and the entry remembers which Stats it fed last. */
    private RouteAcc route(Stats s, int from, int to) {
        RouteTable.Entry e = decided;
        if (e != null) {
            decided = null;
            return fed(s, e);
        }
        int rl = routeBytes.normalize(buf, from, to);
        e = routeTable.intern(routeBytes.buffer(), rl);
        if (e == null) {
            routeProbe.set(routeBytes.buffer(), 0, rl);
            return s.route(routeProbe);
        }
        return fed(s, e);
    }

    private static RouteAcc fed(Stats s, RouteTable.Entry e) {
        if (e.lastStats != s) {
            e.lastAcc = s.routeInterned(e.key);
            e.lastStats = s;
        }
        return e.lastAcc;
    }

    private static boolean startsWith(byte[] b, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
