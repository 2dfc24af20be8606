package io.arr502.core.log;

/**
 * One scanner's routes, interned: the normalised bytes of a line's cs-uri-stem map to one shared
 * {@link Entry} whose key is never mutated, so the per-minute maps find it by identity and each entry
 * remembers the {@link RouteAcc} it fed last. Bounded: past {@link #MAX_ENTRIES} distinct routes a
 * lookup returns null and the caller falls back to a copied key.
 */
final class RouteTable {
    static final int MAX_ENTRIES = 8192;

    static final class Entry {
        final ByteKey key;
        final byte[] bytes;
        Stats lastStats;
        RouteAcc lastAcc;
        /** The route filter's answer for this route: 0 not asked yet, 1 counted, 2 left out. */
        byte filtered;

        /** bytes holds the route and 8 spare bytes, so it can be compared a word at a time. */
        Entry(byte[] bytes, int len) {
            this.bytes = bytes;
            this.key = new ByteKey(bytes, 0, len);
            this.len = len;
        }

        final int len;
    }

    private int[] hashes = new int[64];
    private Entry[] entries = new Entry[64];
    private int size;

    /** The entry for b[0, len); b must have 8 readable bytes past len. Null when the table is full. */
    Entry intern(byte[] b, int len) {
        int h = hash(b, len);
        int mask = entries.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Entry e = entries[i];
            if (e == null) {
                if (size >= MAX_ENTRIES) {
                    return null;
                }
                e = new Entry(java.util.Arrays.copyOf(b, len + 8), len);
                entries[i] = e;
                hashes[i] = h;
                if (++size * 2 > entries.length) {
                    grow();
                }
                return e;
            }
            if (hashes[i] == h && e.len == len && Words.equal(e.bytes, 0, b, 0, len)) {
                return e;
            }
        }
    }

    private void grow() {
        Entry[] oldE = entries;
        int[] oldH = hashes;
        entries = new Entry[oldE.length * 2];
        hashes = new int[oldE.length * 2];
        int mask = entries.length - 1;
        for (int k = 0; k < oldE.length; k++) {
            if (oldE[k] != null) {
                int i = oldH[k] & mask;
                while (entries[i] != null) {
                    i = (i + 1) & mask;
                }
                entries[i] = oldE[k];
                hashes[i] = oldH[k];
            }
        }
    }

    /** A word-at-a-time hash of b[0, len); b must be readable 8 bytes past len. */
    private static int hash(byte[] b, int len) {
        long h = len * 0x9E3779B97F4A7C15L;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            h = Long.rotateLeft((h ^ Words.at(b, i)) * 0xBF58476D1CE4E5B9L, 29);
        }
        if (i < len) {
            long tail = Words.at(b, i) & (-1L >>> (64 - 8 * (len - i)));
            h = Long.rotateLeft((h ^ tail) * 0xBF58476D1CE4E5B9L, 29);
        }
        h ^= h >>> 32;
        return (int) (h ^ (h >>> 16));
    }
}
