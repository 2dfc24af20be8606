package io.arr502.core.log;

import org.HdrHistogram.AbstractHistogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;

/**
 * A time-taken histogram read from the state, kept as its non-zero buckets until it is needed whole.
 * A window merges one histogram per route per minute: appending these costs their few entries, where
 * decoding each into an HdrHistogram and adding it walks all ~2,000 buckets twice (a fifth of a quiet
 * scheduled check's time, measured).
 */
final class SparseCounts {
    private int[] index = new int[8];
    private long[] count = new long[8];
    private int size;

    int size() {
        return size;
    }

    void append(SparseCounts o) {
        grow(size + o.size);
        System.arraycopy(o.index, 0, index, size, o.size);
        System.arraycopy(o.count, 0, count, size, o.size);
        size += o.size;
    }

    void addTo(AbstractHistogram h) {
        for (int k = 0; k < size; k++) {
            h.recordValueWithCount(Histograms.valueAt(index[k]), count[k]);
        }
    }

    private void put(int i, long c) {
        grow(size + 1);
        index[size] = i;
        count[size] = c;
        size++;
    }

    private void grow(int need) {
        if (need > index.length) {
            int n = Math.max(need, index.length * 2);
            index = Arrays.copyOf(index, n);
            count = Arrays.copyOf(count, n);
        }
    }

    /**
     * HdrHistogram's V2 counts payload in b[from, to): ZigZag LEB128 longs (at most 9 bytes), each the
     * count of the next bucket, or minus the length of a run of empty buckets.
     */
    static SparseCounts read(ByteBuffer b, int from, int to) throws DataFormatException {
        SparseCounts out = new SparseCounts();
        int p = from;
        int bucket = 0;
        while (p < to) {
            long raw = 0;
            for (int k = 0; ; k++) {
                if (p >= to) {
                    throw new DataFormatException("histogram counts truncated");
                }
                int v = b.get(p++);
                if (k == 8) {
                    raw |= (long) (v & 0xFF) << 56;
                    break;
                }
                raw |= (long) (v & 0x7F) << (7 * k);
                if ((v & 0x80) == 0) {
                    break;
                }
            }
            long value = (raw >>> 1) ^ -(raw & 1);
            if (value < 0) {
                if (value < -(Histograms.BUCKETS - bucket)) {
                    throw new DataFormatException("histogram empty run beyond its last bucket");
                }
                bucket += (int) -value;
            } else {
                if (bucket >= Histograms.BUCKETS) {
                    throw new DataFormatException("histogram count beyond its last bucket");
                }
                if (value > Integer.MAX_VALUE) {
                    throw new DataFormatException("histogram count out of range");
                }
                if (value > 0) {
                    out.put(bucket, value);
                }
                bucket++;
            }
        }
        return out;
    }
}
