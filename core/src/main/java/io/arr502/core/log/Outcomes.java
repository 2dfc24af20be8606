package io.arr502.core.log;

/**
 * One scanner's numbering of the outcomes it has seen: a status.substatus, with the win32 code when it
 * is a 502.3. A line then costs the same array increments whatever its outcome, and each outcome's table
 * row says which counters it feeds. The scan loop has no branch that only a 502.3 takes: C2 compiles a
 * branch it never saw taken as a trap, and the first 502.3 of an incident threw the compiled loop away
 * (with this and the up-front numbering, C2 spends 0.30 s instead of 0.42 s on a cold 1 GiB scan).
 * Counts by id are turned into the maps ({@link #fold}) before the scanner's part is merged anywhere else.
 */
final class Outcomes {
    /** Ids handed out; a log with more distinct outcomes counts the rest through {@link Stats}' maps directly. */
    static final int MAX = 128;

    // a row per id
    private final int[] statusKey = new int[MAX];
    private final long[] win32 = new long[MAX];
    /** The group counter (1: 502.3, 2: 502.4, 3: 504) an outcome adds {@link #groupInc} to. */
    final int[] groupCol = new int[MAX];
    final long[] groupInc = new long[MAX];
    /** Three series columns per id, each with 1 or 0 to add (0 and column 0 when there is nothing to count). */
    final int[] seriesCol = new int[MAX * 3];
    final long[] seriesInc = new long[MAX * 3];
    /** The second histogram a time-taken goes to (see {@link RouteAcc#OK}), with 1 or 0 to add. */
    final int[] histKind = new int[MAX];
    final int[] histInc = new int[MAX];
    private int size;

    // open addressing, at most half full: key → id + 1 (0 is empty)
    private static final int SLOTS = 2 * MAX;
    private final long[] keys = new long[SLOTS];
    private final int[] ids = new int[SLOTS];

    /**
     * Numbered up front, so that the first 502.3 of an incident is not the scan's first new outcome (that
     * branch, never taken while the JIT profiled the loop, would throw the compiled loop away).
     */
    Outcomes() {
        for (int status : new int[]{200, 304, 404, 500, 503, 504}) {
            id(status, 0, 0);
        }
        for (long w : new long[]{12002, 12029, 12030, 12031, 12152, 12175}) {
            id(502, 3, w);
        }
        id(502, 4, 0);
    }

    /** The id of this outcome, or -1 when {@link #MAX} ids are taken and it is not one of them. */
    int id(int status, int sub, long win32Code) {
        int sk = status * 100_000 + sub; // status ≤ 999 and sub ≤ 99,999: below 2^27
        // the win32 code only for a 502.3, without a branch: one never taken while the JIT profiled would
        // be compiled as a trap, and the first 502.3 would throw the compiled scan loop away
        int d = (status - 502) | (sub - 3);
        long key = (long) sk << 32 | win32Code & ~((d | -d) >> 31);
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 56) & (SLOTS - 1);
        while (true) {
            int id = ids[slot];
            if (id == 0) {
                return add(slot, key, status, sub, win32Code);
            }
            if (keys[slot] == key) {
                return id - 1;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }

    private int add(int slot, long key, int status, int sub, long win32Code) {
        if (size == MAX) {
            return -1;
        }
        int id = size++;
        keys[slot] = key;
        ids[slot] = id + 1;
        boolean is5023 = status == 502 && sub == 3;
        statusKey[id] = status * 100_000 + sub;
        win32[id] = is5023 ? win32Code : -1;
        int group = groupOf(status, sub);
        groupCol[id] = group;
        groupInc[id] = group == 0 ? 0 : 1;
        int[] cols = new int[3];
        int n = seriesColumns(status, sub, win32Code, cols);
        for (int k = 0; k < 3; k++) {
            seriesCol[id * 3 + k] = k < n ? cols[k] : 0;
            seriesInc[id * 3 + k] = k < n ? 1 : 0;
        }
        histKind[id] = histogramOf(status, sub);
        histInc[id] = histKind[id] == RouteAcc.ALL ? 0 : 1;
        return id;
    }

    /** Turns the counts by id in every Stats of a (total and minutes) into their maps. */
    void fold(Accumulator a) {
        fold(a.total);
        for (Stats s : a.minutes.values()) {
            fold(s);
        }
    }

    private void fold(Stats s) {
        long[] c = s.outcomeCounts;
        if (c != null) {
            for (int id = 0; id < size; id++) {
                if (c[id] != 0) {
                    s.byStatus.computeIfAbsent(statusKey[id], k -> new long[1])[0] += c[id];
                    if (win32[id] >= 0) {
                        s.win32For5023.computeIfAbsent(win32[id], k -> new long[1])[0] += c[id];
                    }
                }
            }
            s.outcomeCounts = null;
        }
        for (RouteAcc r : s.routes.values()) {
            long[] rc = r.outcomeCounts;
            if (rc == null) {
                continue;
            }
            for (int id = 0; id < size; id++) {
                long n = rc[id];
                if (n == 0) {
                    continue;
                }
                switch (groupCol[id]) {
                    case 1 -> {
                        r.c502_3 += n;
                        r.win32.computeIfAbsent(win32[id], k -> new long[1])[0] += n;
                    }
                    case 2 -> r.c502_4 += n;
                    case 3 -> r.c504 += n;
                    default -> { }
                }
            }
            r.outcomeCounts = null;
        }
    }

    /** The group counter an outcome feeds besides requests: 1 for 502.3, 2 for 502.4, 3 for 504, 0 for none. */
    static int groupOf(int status, int sub) {
        return status == 502 && sub == 3 ? 1 : status == 502 && sub == 4 ? 2 : status == 504 ? 3 : 0;
    }

    /** The histogram a time-taken goes to besides ALL: FAILED for a 502.3, OK below 500, else ALL (none other). */
    static int histogramOf(int status, int sub) {
        return status == 502 && sub == 3 ? RouteAcc.FAILED : status < 500 ? RouteAcc.OK : RouteAcc.ALL;
    }

    /** The per-minute series columns an outcome feeds besides requests, into cols (room for 3); how many. */
    static int seriesColumns(int status, int sub, long win32Code, int[] cols) {
        int n = 0;
        switch (groupOf(status, sub)) {
            case 1 -> {
                cols[n++] = Accumulator.SERIES_5023;
                if (win32Code == 12002) {
                    cols[n++] = Accumulator.SERIES_12002;
                } else if (win32Code == 12029) {
                    cols[n++] = Accumulator.SERIES_12029;
                }
            }
            case 2 -> cols[n++] = Accumulator.SERIES_5024;
            case 3 -> cols[n++] = Accumulator.SERIES_504;
            default -> { }
        }
        if (status >= 500) {
            cols[n++] = Accumulator.SERIES_5XX;
        }
        return n;
    }

    static long[] newCounts() {
        return new long[MAX];
    }
}
