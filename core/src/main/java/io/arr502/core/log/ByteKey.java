package io.arr502.core.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A byte-string map key. The scanner keeps one mutable probe per map and looks lines up without
 * allocating; only a key not yet in the map is copied.
 */
final class ByteKey {
    private byte[] bytes;
    private int offset;
    private int length;
    private int hash;

    ByteKey(byte[] bytes, int offset, int length) {
        set(bytes, offset, length);
    }

    void set(byte[] src, int off, int len) {
        this.bytes = src;
        this.offset = off;
        this.length = len;
        int h = 1;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + src[i];
        }
        this.hash = h;
    }

    ByteKey copy() {
        return new ByteKey(Arrays.copyOfRange(bytes, offset, offset + length), 0, length);
    }

    static ByteKey of(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new ByteKey(b, 0, b.length);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteKey k && k.length == length && k.hash == hash
                && Arrays.equals(bytes, offset, offset + length, k.bytes, k.offset, k.offset + k.length);
    }

    @Override
    public String toString() {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
}
