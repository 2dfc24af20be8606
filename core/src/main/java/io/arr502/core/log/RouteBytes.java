package io.arr502.core.log;

/**
 * {@link io.arr502.core.route.RouteNormalizer} on raw UTF-8 bytes, so the scanner groups routes
 * without building a String per line. One pass: bytes are copied while each segment's character
 * classes are gathered, and a segment that is an id, GUID or long hex token is rewritten in place
 * when its end is reached. Gives the same result as the String version (tested).
 */
final class RouteBytes {
    private static final byte[] ID = {'{', 'i', 'd', '}'};
    private static final byte[] GUID = {'{', 'g', 'u', 'i', 'd', '}'};
    private static final byte[] HEX = {'{', 'h', 'e', 'x', '}'};

    private static final int DIGIT = 1, HEXCHAR = 2, SLASH = 4, QUERY = 8;
    private static final byte[] CLASS = new byte[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            CLASS[c] = DIGIT | HEXCHAR;
        }
        for (int c = 'a'; c <= 'f'; c++) {
            CLASS[c] = HEXCHAR;
            CLASS[c - 'a' + 'A'] = HEXCHAR;
        }
        CLASS['/'] = SLASH;
        CLASS['?'] = QUERY;
    }

    /** Always at least 8 bytes longer than the route in it, so it can be read a word at a time. */
    private byte[] out = new byte[256];

    /** Normalises b[from, to) into the internal buffer; returns its length ({@link #buffer()}). */
    int normalize(byte[] b, int from, int to) {
        // an all-digit one-byte segment grows to "{id}": four times the input is the worst case
        int need = 4 * (to - from) + 16;
        if (out.length < need) {
            out = new byte[Math.max(need, out.length * 2)];
        }
        byte[] o = out;
        int n = 0;
        int seg = 0;
        int all = DIGIT | HEXCHAR;
        int any = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            int k = CLASS[c & 0xFF];
            if ((k & (SLASH | QUERY)) != 0) {
                if (k == QUERY) {
                    break;
                }
                n = closeSegment(o, seg, n, all, any);
                o[n++] = '/';
                seg = n;
                all = DIGIT | HEXCHAR;
                any = 0;
                continue;
            }
            o[n++] = c;
            all &= k;
            any |= k;
        }
        n = closeSegment(o, seg, n, all, any);
        if (n == 0 || (n == 1 && o[0] == '-')) {
            o[0] = '/';
            return 1;
        }
        return n;
    }

    byte[] buffer() {
        return out;
    }

    /** Rewrites segment o[seg, end) when it is variable; returns the new end. */
    private static int closeSegment(byte[] o, int seg, int end, int all, int any) {
        int len = end - seg;
        if (len == 0) {
            return end;
        }
        byte[] rep;
        if ((all & DIGIT) != 0) {
            rep = ID;
        } else if (len == 36 && isGuid(o, seg)) {
            rep = GUID;
        } else if (len == 38 && o[seg] == '{' && o[end - 1] == '}' && isGuid(o, seg + 1)) {
            rep = GUID;
        } else if ((all & HEXCHAR) != 0 && (any & DIGIT) != 0 && len >= 16) {
            rep = HEX;
        } else {
            return end;
        }
        System.arraycopy(rep, 0, o, seg, rep.length);
        return seg + rep.length;
    }

    /** A class no byte has at a GUID's dash positions, so that one loop checks dashes and hex digits alike. */
    private static final int DASH = 16;
    private static final byte[] GUID_SHAPE = new byte[36];

    static {
        CLASS['-'] = DASH;
        for (int k = 0; k < 36; k++) {
            GUID_SHAPE[k] = (byte) (k == 8 || k == 13 || k == 18 || k == 23 ? DASH : HEXCHAR);
        }
    }

    /** Without a branch per character: a fifth of the route work of a warm scan went to this check. */
    private static boolean isGuid(byte[] s, int from) {
        int bad = 0;
        for (int k = 0; k < 36; k++) {
            bad |= GUID_SHAPE[k] & ~CLASS[s[from + k] & 0xFF];
        }
        return bad == 0;
    }
}
