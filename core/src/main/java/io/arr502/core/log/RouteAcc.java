package io.arr502.core.log;

import org.HdrHistogram.AbstractHistogram;

import java.util.HashMap;
import java.util.Map;

/** Running totals for one route. Histograms are created on first use to keep idle routes small. */
final class RouteAcc {
    /** The time-taken histograms: every request, the ones below 500, the 502.3s. */
    static final int ALL = 0, OK = 1, FAILED = 2;

    long requests;
    long c502_3;
    long c502_4;
    long c504;
    AbstractHistogram all;
    AbstractHistogram ok;
    AbstractHistogram failed502_3;
    /** Buckets read from the state and not yet folded into the histograms above (see {@link #settle}). */
    SparseCounts allRead;
    SparseCounts okRead;
    SparseCounts failedRead;
    /**
     * Buckets a scan counted ({@link Histograms#bucketOf}), by ALL/OK/FAILED, not yet folded into the
     * histograms: an increment per request, where HdrHistogram's recordValue also updates its min and max
     * with a compare-and-set and is a large inline tree for the JIT.
     */
    final int[][] scanned = new int[3][];
    /** A scanner's counts by its {@link Outcomes} id, until it folds them into the fields and map here. */
    long[] outcomeCounts;
    /** No time-taken in this histogram yet. */
    static final long NO_MAX = -1;
    /** Part of the counts came from a state that did not keep the exact largest value: the histogram's must do. */
    static final long MAX_UNKNOWN = Long.MAX_VALUE;
    /**
     * The exact largest time-taken per histogram (ALL/OK/FAILED). The histograms keep two significant digits, so
     * their maximum is the top of a bucket: 30,079 ms when every request took 30,016 ms. Merged with Math.max:
     * NO_MAX is below every value, MAX_UNKNOWN above.
     */
    final long[] max = {NO_MAX, NO_MAX, NO_MAX};
    final Map<Long, long[]> win32 = new HashMap<>();

    /** One request of a known outcome: its row in the scanner's {@link Outcomes} says kind and inc. */
    void count(int id, int kind, int inc, long timeTaken) {
        requests++;
        long[] c = outcomeCounts;
        if (c == null) {
            c = outcomeCounts = Outcomes.newCounts();
        }
        c[id]++;
        if (timeTaken >= 0) {
            int b = Histograms.bucketOfTime(timeTaken);
            scanned(ALL)[b]++;
            scanned(kind)[b] += inc;
            long[] m = max;
            if (timeTaken > m[ALL]) {
                m[ALL] = timeTaken;
            }
            if (inc != 0 && timeTaken > m[kind]) {
                m[kind] = timeTaken;
            }
        }
    }

    /** One request counted straight into the fields and map (an outcome the scanner has no id for). */
    void add(int status, int sub, long win32Code, long timeTaken) {
        requests++;
        switch (Outcomes.groupOf(status, sub)) {
            case 1 -> {
                c502_3++;
                win32.computeIfAbsent(win32Code, k -> new long[1])[0]++;
            }
            case 2 -> c502_4++;
            case 3 -> c504++;
            default -> { }
        }
        if (timeTaken >= 0) {
            int b = Histograms.bucketOfTime(timeTaken);
            scanned(ALL)[b]++;
            int kind = Outcomes.histogramOf(status, sub);
            if (kind != ALL) {
                scanned(kind)[b]++;
                max[kind] = Math.max(max[kind], timeTaken);
            }
            max[ALL] = Math.max(max[ALL], timeTaken);
        }
    }

    private int[] scanned(int kind) {
        int[] h = scanned[kind];
        if (h == null) {
            h = scanned[kind] = new int[Histograms.BUCKETS];
        }
        return h;
    }

    void merge(RouteAcc o) {
        combine(o, false);
    }

    /**
     * Adds o's totals. With {@code take} (o is discarded afterwards) a histogram this lacks is taken
     * over, not copied: HdrHistogram copies all ~2,000 buckets, a cost a short run pays interpreted.
     */
    void combine(RouteAcc o, boolean take) {
        if (outcomeCounts != null || o.outcomeCounts != null) {
            throw new IllegalStateException("a scanner's outcome counts were not folded before a merge");
        }
        requests += o.requests;
        c502_3 += o.c502_3;
        c502_4 += o.c502_4;
        c504 += o.c504;
        all = mergeHist(all, o.all, take);
        ok = mergeHist(ok, o.ok, take);
        failed502_3 = mergeHist(failed502_3, o.failed502_3, take);
        allRead = pend(allRead, o.allRead);
        okRead = pend(okRead, o.okRead);
        failedRead = pend(failedRead, o.failedRead);
        for (int k = 0; k < scanned.length; k++) {
            scanned[k] = addScanned(scanned[k], o.scanned[k], take);
        }
        o.win32.forEach((k, v) -> win32.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        for (int k = 0; k < max.length; k++) {
            max[k] = Math.max(max[k], o.max[k]);
        }
    }

    /** The largest time-taken of histogram kind: exact when known, else the histogram's (the top of its bucket). */
    long maxOf(int kind, AbstractHistogram h) {
        long m = max[kind];
        return m >= 0 && m != MAX_UNKNOWN ? m : h == null ? 0 : h.getMaxValue();
    }

    /** Makes the histograms whole: before they are read or written. */
    void settle() {
        all = fold(fold(all, allRead), scanned[ALL]);
        ok = fold(fold(ok, okRead), scanned[OK]);
        failed502_3 = fold(fold(failed502_3, failedRead), scanned[FAILED]);
        allRead = okRead = failedRead = null;
        java.util.Arrays.fill(scanned, null);
    }

    private static AbstractHistogram fold(AbstractHistogram h, int[] counts) {
        if (counts == null) {
            return h;
        }
        if (h == null) {
            h = Histograms.create();
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                h.recordValueWithCount(Histograms.valueAt(i), counts[i]);
            }
        }
        return h;
    }

    private static int[] addScanned(int[] mine, int[] other, boolean take) {
        if (other == null) {
            return mine;
        }
        if (mine == null) {
            return take ? other : other.clone();
        }
        for (int i = 0; i < mine.length; i++) {
            mine[i] += other[i];
        }
        return mine;
    }

    private static AbstractHistogram fold(AbstractHistogram h, SparseCounts read) {
        if (read == null) {
            return h;
        }
        if (h == null) {
            h = Histograms.create();
        }
        read.addTo(h);
        return h;
    }

    private static SparseCounts pend(SparseCounts mine, SparseCounts other) {
        if (other == null) {
            return mine;
        }
        if (mine == null) {
            mine = new SparseCounts();
        }
        mine.append(other);
        return mine;
    }

    private static AbstractHistogram mergeHist(AbstractHistogram mine, AbstractHistogram other, boolean take) {
        if (other == null) {
            return mine;
        }
        if (mine == null) {
            if (take) {
                return other;
            }
            mine = Histograms.create();
        }
        mine.add(other);
        return mine;
    }
}
