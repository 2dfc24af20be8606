package io.arr502.core.log;

import org.HdrHistogram.AbstractHistogram;

import java.util.HashMap;
import java.util.Map;

/** Running totals for one route. Histograms are created on first use to keep idle routes small. */
final class RouteAcc {
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
    final Map<Long, long[]> win32 = new HashMap<>();

    void add(int status, int sub, long win32Code, long timeTaken) {
        requests++;
        boolean is5023 = status == 502 && sub == 3;
        if (is5023) {
            c502_3++;
            win32.computeIfAbsent(win32Code, k -> new long[1])[0]++;
        } else if (status == 502 && sub == 4) {
            c502_4++;
        } else if (status == 504) {
            c504++;
        }
        if (timeTaken >= 0) {
            if (all == null) {
                all = Histograms.create();
            }
            Histograms.record(all, timeTaken);
            if (status < 500) {
                if (ok == null) {
                    ok = Histograms.create();
                }
                Histograms.record(ok, timeTaken);
            }
            if (is5023) {
                if (failed502_3 == null) {
                    failed502_3 = Histograms.create();
                }
                Histograms.record(failed502_3, timeTaken);
            }
        }
    }

    void merge(RouteAcc o) {
        combine(o, false);
    }

    /**
     * Adds o's totals. With {@code take} (o is discarded afterwards) a histogram this lacks is taken
     * over, not copied: HdrHistogram copies all ~2,000 buckets, a cost a short run pays interpreted.
     */
    void combine(RouteAcc o, boolean take) {
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
        o.win32.forEach((k, v) -> win32.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
    }

    /** Makes the histograms whole: before they are read or written. */
    void settle() {
        all = fold(all, allRead);
        ok = fold(ok, okRead);
        failed502_3 = fold(failed502_3, failedRead);
        allRead = okRead = failedRead = null;
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
