package io.arr502.core.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Maps byte sequences to small ids without allocating on a hit: the hot path never builds a String per line. */
final class ByteInterner {
    private byte[][] keys = new byte[64][];
    private int[] ids = new int[64];
    private String[] names = new String[32];
    private int size;
    private byte[] lastKey;
    private int lastId;

    int size() {
        return size;
    }

    String name(int id) {
        return names[id];
    }

    /** The id for buf[from, to), adding it when new. */
    int intern(byte[] buf, int from, int to) {
        // consecutive lines mostly repeat the value (same site, same server IP): skip the hash
        byte[] lk = lastKey;
        if (lk != null && lk.length == to - from && Arrays.equals(lk, 0, lk.length, buf, from, to)) {
            return lastId;
        }
        int h = hash(buf, from, to);
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                return add(i, Arrays.copyOfRange(buf, from, to));
            }
            if (k.length == to - from && Arrays.equals(k, 0, k.length, buf, from, to)) {
                lastKey = k;
                lastId = ids[i];
                return lastId;
            }
        }
    }

    int intern(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return intern(b, 0, b.length);
    }

    private int add(int slot, byte[] key) {
        int id = size++;
        keys[slot] = key;
        ids[slot] = id;
        if (id >= names.length) {
            names = Arrays.copyOf(names, names.length * 2);
        }
        names[id] = new String(key, StandardCharsets.UTF_8);
        if (size * 2 > keys.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        byte[][] ok = keys;
        int[] oi = ids;
        keys = new byte[ok.length * 2][];
        ids = new int[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] != null) {
                int i = hash(ok[j], 0, ok[j].length) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = ok[j];
                ids[i] = oi[j];
            }
        }
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }
}
