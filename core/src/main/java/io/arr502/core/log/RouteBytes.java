package io.arr502.core.log;

/**
 * {@link io.arr502.core.route.RouteNormalizer} on raw UTF-8 bytes, so the scanner groups routes
 * without building a String per line. Gives the same result as the String version (tested).
 */
final class RouteBytes {
    private static final byte[] ID = "{id}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] GUID = "{guid}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] HEX = "{hex}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] out = new byte[256];

    /** Normalises b[from, to) into the internal buffer; returns its length ({@link #buffer()}). */
    int normalize(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '?') {
                to = i;
                break;
            }
        }
        if (to <= from || (to - from == 1 && b[from] == '-')) {
            ensure(1);
            out[0] = '/';
            return 1;
        }
        ensure(to - from + 8);
        int o = 0;
        int i = from;
        while (i < to) {
            if (b[i] == '/') {
                out[o++] = '/';
                i++;
                continue;
            }
            int end = i;
            while (end < to && b[end] != '/') {
                end++;
            }
            byte[] rep = replacement(b, i, end);
            if (rep != null) {
                ensure(o + rep.length + (to - end) + 8);
                System.arraycopy(rep, 0, out, o, rep.length);
                o += rep.length;
            } else {
                System.arraycopy(b, i, out, o, end - i);
                o += end - i;
            }
            i = end;
        }
        return o;
    }

    byte[] buffer() {
        return out;
    }

    private void ensure(int n) {
        if (out.length < n) {
            out = java.util.Arrays.copyOf(out, Math.max(n, out.length * 2));
        }
    }

    private static byte[] replacement(byte[] s, int from, int to) {
        int len = to - from;
        boolean allDigits = true;
        boolean allHex = true;
        boolean anyDigit = false;
        for (int k = from; k < to; k++) {
            byte c = s[k];
            boolean digit = c >= '0' && c <= '9';
            boolean hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            allDigits &= digit;
            allHex &= hex;
            anyDigit |= digit;
        }
        if (allDigits && len > 0) {
            return ID;
        }
        if (len == 36 && isGuid(s, from)) {
            return GUID;
        }
        if (len == 38 && s[from] == '{' && s[to - 1] == '}' && isGuid(s, from + 1)) {
            return GUID;
        }
        if (allHex && anyDigit && len >= 16) {
            return HEX;
        }
        return null;
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
}
