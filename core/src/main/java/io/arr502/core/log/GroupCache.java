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
    private final int[] lengths = new int[WAYS];
    private final Stats[] stats = new Stats[WAYS];
    private final long[][] counters = new long[WAYS][];
    private int next;

    /** The counters for value b[from, to) in map, which belongs to s; b is readable 8 bytes past to. */
    long[] counter(Stats s, Map<ByteKey, long[]> map, byte[] b, int from, int to) {
        int len = to - from;
        for (int w = 0; w < WAYS; w++) {
            byte[] k = bytes[w];
            if (k != null && lengths[w] == len && Words.equal(k, 0, b, from, len)) {
                return counterFor(w, s, map);
            }
        }
        // 8 spare bytes for the word compare; the key covers only the value and is never mutated: maps may keep it
        byte[] copy = Arrays.copyOfRange(b, from, to + 8);
        int w = claim(new ByteKey(copy, 0, len), copy);
        lengths[w] = len;
        return counterFor(w, s, map);
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
