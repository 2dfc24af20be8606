package io.arr502.core.route;

/**
 * Collapses the variable parts of a URL path so requests group by endpoint:
 * {@code /api/orders/4711} → {@code /api/orders/{id}},
 * {@code /api/customers/3f2504e0-4f89-11d3-9a0c-0305e82c3301} → {@code /api/customers/{guid}},
 * a long hex token (16+ hex digits with at least one digit) → {@code {hex}}.
 * The query string is dropped; case is kept (IIS paths are case-insensitive, but logs keep what
 * clients sent and folding would hide that). Works on any input, never throws.
 */
public final class RouteNormalizer {

    private RouteNormalizer() {
    }

    public static String normalize(String path) {
        if (path == null || path.isEmpty() || path.equals("-")) {
            return "/";
        }
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        StringBuilder out = new StringBuilder(path.length());
        int i = 0;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '/') {
                out.append('/');
                i++;
                continue;
            }
            int end = path.indexOf('/', i);
            if (end < 0) {
                end = n;
            }
            out.append(segment(path, i, end));
            i = end;
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    /** The replacement for one path segment [from, to). */
    static CharSequence segment(String s, int from, int to) {
        int len = to - from;
        boolean allDigits = true;
        boolean allHex = true;
        boolean anyDigit = false;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            boolean digit = c >= '0' && c <= '9';
            boolean hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            allDigits &= digit;
            allHex &= hex;
            anyDigit |= digit;
        }
        if (allDigits && len > 0) {
            return "{id}";
        }
        if (len == 36 && isGuid(s, from)) {
            return "{guid}";
        }
        if (len == 38 && s.charAt(from) == '{' && s.charAt(to - 1) == '}' && isGuid(s, from + 1)) {
            return "{guid}";
        }
        if (allHex && anyDigit && len >= 16) {
            return "{hex}";
        }
        return s.subSequence(from, to);
    }

    private static boolean isGuid(String s, int from) {
        for (int k = 0; k < 36; k++) {
            char c = s.charAt(from + k);
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
