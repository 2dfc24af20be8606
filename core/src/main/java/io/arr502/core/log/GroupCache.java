package io.arr502.core.log;

import java.util.Arrays;
import java.util.Map;

/**
 * The last few site or server-IP values a scanner saw, with the counters they feed in the current
 * Stats: a log has one or a handful of each, so a line usually costs one short byte comparison
 * instead of a hash and a map lookup.
 */
final class GroupCache {
    private static final int WAYS = 4;
    private final ByteKey[] keys = new ByteKey[WAYS];
    private final byte[][] bytes = new byte[WAYS][];
    private final Stats[] stats = new Stats[WAYS];
    private final long[][] counters = new long[WAYS][];
    private int next;

    /** The counters for value b[from, to) in map, which belongs to s. */
    long[] counter(Stats s, Map<ByteKey, long[]> map, byte[] b, int from, int to) {
        int len = to - from;
        for (int w = 0; w < WAYS; w++) {
            byte[] k = bytes[w];
            if (k != null && k.length == len && Arrays.equals(k, 0, len, b, from, to)) {
                return counterFor(w, s, map);
            }
        }
        byte[] copy = Arrays.copyOfRange(b, from, to);
        return counterFor(claim(new ByteKey(copy, 0, len), copy), s, map); // never mutated: maps may keep it
    }

    /** The counters for an already immutable key (the site taken from the folder name). */
    long[] counter(Stats s, Map<ByteKey, long[]> map, ByteKey key) {
        for (int w = 0; w < WAYS; w++) {
            if (keys[w] == key) {
                return counterFor(w, s, map);
            }
        }
        return counterFor(claim(key, null), s, map);
    }

    /** Replaces the oldest way with key (and its bytes, when lines are compared against them). */
    private int claim(ByteKey key, byte[] keyBytes) {
        int w = next;
        next = (next + 1) % WAYS;
        bytes[w] = keyBytes;
        keys[w] = key;
        stats[w] = null;
        return w;
    }

    private long[] counterFor(int w, Stats s, Map<ByteKey, long[]> map) {
        if (stats[w] != s) {
            counters[w] = Stats.groupInterned(map, keys[w]);
            stats[w] = s;
        }
        return counters[w];
    }
}
