package io.arr502.core.remediation;

/**
 * The URL Rewrite pattern (ECMAScript) for a normalised route. URL Rewrite matches the path without
 * its leading slash. Every character that is not a letter, digit or {@code / - _ ~} is escaped: regex
 * metacharacters with a backslash, anything else as {@code \xHH} (so the pattern never carries a
 * character a shell treats specially). The placeholders {@link io.arr502.core.route.RouteNormalizer}
 * writes become what they stand for: {@code {id}} digits, {@code {guid}} a GUID with or without braces,
 * {@code {hex}} 16 or more hex digits.
 */
final class RoutePattern {
    static final String ID = "[0-9]+";
    static final String GUID = "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?";
    static final String HEX = "[0-9a-fA-F]{16,}";
    private static final String META = "\\^$.?*+()[]{}"; // not |: a pipe is written \x7C, Nagios output would change it

    private RoutePattern() {
    }

    static String of(String route) {
        if (route == null || !route.startsWith("/") || route.length() > 2000) {
            throw new UnsafeValueException("route '" + Shell.printable(String.valueOf(route)) + "' is not a normalised URL path");
        }
        StringBuilder b = new StringBuilder("^");
        String s = route.substring(1);
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("{id}", i)) {
                b.append(ID);
                i += 4;
            } else if (s.startsWith("{guid}", i)) {
                b.append(GUID);
                i += 6;
            } else if (s.startsWith("{hex}", i)) {
                b.append(HEX);
                i += 5;
            } else {
                char c = s.charAt(i++);
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '_' || c == '~') {
                    b.append(c);
                } else if (META.indexOf(c) >= 0) {
                    b.append('\\').append(c);
                } else if (c < 0x100) {
                    b.append(String.format("\\x%02X", (int) c));
                } else {
                    b.append(String.format("\\u%04X", (int) c));
                }
            }
        }
        return b.append('$').toString();
    }
}
