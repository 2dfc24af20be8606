package io.arr502.core.log;

import io.arr502.core.route.RouteNormalizer;

/**
 * {@link RouteNormalizer#normalize} on UTF-8 bytes, writing into a reusable buffer so the hot
 * path allocates nothing. Must give exactly the same text (ByteRouteTest checks it on generated paths).
 */
final class ByteRoute {
    private static final byte[] ID = "{id}".getBytes();
    private static final byte[] GUID = "{guid}".getBytes();
    private static final byte[] HEX = "{hex}".getBytes();

    byte[] out = new byte[256];
    int len;

    /** Normalises buf[from, to) into {@link #out}[0, {@link #len}). */
    void normalize(byte[] buf, int from, int to) {
        len = 0;
        if (to - from == 1 && buf[from] == '-' || to <= from) {
            put((byte) '/');
            return;
        }
        for (int q = from; q < to; q++) {
            if (buf[q] == '?') {
                to = q;
                break;
            }
        }
        int i = from;
        while (i < to) {
            if (buf[i] == '/') {
                put((byte) '/');
                i++;
                continue;
            }
            int end = i;
            while (end < to && buf[end] != '/') {
                end++;
            }
            segment(buf, i, end);
            i = end;
        }
        if (len == 0) {
            put((byte) '/');
        }
    }

    private void segment(byte[] s, int from, int to) {
        int n = to - from;
        boolean allDigits = true, allHex = true, anyDigit = false;
        for (int k = from; k < to; k++) {
            byte c = s[k];
            boolean digit = c >= '0' && c <= '9';
            boolean hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            allDigits &= digit;
            allHex &= hex;
            anyDigit |= digit;
        }
        if (allDigits && n > 0) {
            put(ID);
        } else if (n == 36 && isGuid(s, from)) {
            put(GUID);
        } else if (n == 38 && s[from] == '{' && s[to - 1] == '}' && isGuid(s, from + 1)) {
            put(GUID);
        } else if (allHex && anyDigit && n >= 16) {
            put(HEX);
        } else {
            ensure(n);
            System.arraycopy(s, from, out, len, n);
            len += n;
        }
    }

    private static boolean isGuid(byte[] s, int from) {
        for (int k = 0; k < 36; k++) {
            byte c = s[from + k];
            if (k == 8 || k == 13 || k == 18 || k == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private void put(byte b) {
        ensure(1);
        out[len++] = b;
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, out, len, b.length);
        len += b.length;
    }

    private void ensure(int n) {
        if (len + n > out.length) {
            out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, len + n));
        }
    }
}
