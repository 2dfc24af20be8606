package io.arr502.core.log;

import java.util.Arrays;
import java.util.function.BiConsumer;

/** Counts per long key in an open-addressed table: no boxing on the hot path, small when few keys. */
final class LongCounts {
    private static final long FREE = Long.MIN_VALUE;
    private long[] keys = new long[16];
    private long[] counts = new long[16];
    private int size;

    LongCounts() {
        Arrays.fill(keys, FREE);
    }

    void add(long key, long n) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (true) {
            if (keys[i] == key) {
                counts[i] += n;
                return;
            }
            if (keys[i] == FREE) {
                keys[i] = key;
                counts[i] = n;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    void forEach(BiConsumer<Long, Long> f) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != FREE) {
                f.accept(keys[i], counts[i]);
            }
        }
    }

    void addAll(LongCounts o) {
        for (int i = 0; i < o.keys.length; i++) {
            if (o.keys[i] != FREE) {
                add(o.keys[i], o.counts[i]);
            }
        }
    }

    private void grow() {
        long[] ok = keys, oc = counts;
        keys = new long[ok.length * 2];
        counts = new long[ok.length * 2];
        Arrays.fill(keys, FREE);
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != FREE) {
                add(ok[i], oc[i]);
            }
        }
    }

    private static long mix(long k) {
        k *= 0x9E3779B97F4A7C15L;
        return k ^ (k >>> 29);
    }
}
