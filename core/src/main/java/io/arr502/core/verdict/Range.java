package io.arr502.core.verdict;

/**
 * A Monitoring Plugins threshold range {@code [@][start:][end]}: alert when the value is outside
 * [start, end] (inclusive), or inside it with a leading {@code @}. {@code ~} as start means −∞, an
 * empty end means +∞; "10" is "0:10", "10:" is "10:∞", "~:10" is "−∞:10".
 */
public record Range(double start, double end, boolean inside, String text) {

    public static Range parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty threshold range");
        }
        String t = text.strip();
        if (t.length() > 64 || !t.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // a line break here would split the plugin's first line; nothing else belongs in a range
            throw new IllegalArgumentException("not a threshold range: '" + NagiosOutput.clean(text) + "' (use [@][start:][end], e.g. 5, 10:, ~:5, @1:3)");
        }
        boolean inside = t.startsWith("@");
        if (inside) {
            t = t.substring(1);
        }
        double start = 0;
        double end;
        int colon = t.indexOf(':');
        try {
            if (colon >= 0) {
                String s = t.substring(0, colon);
                String e = t.substring(colon + 1);
                start = s.equals("~") ? Double.NEGATIVE_INFINITY : s.isEmpty() ? 0 : number(s);
                end = e.isEmpty() ? Double.POSITIVE_INFINITY : number(e);
            } else {
                end = number(t);
            }
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("not a threshold range: '" + text + "' (use [@][start:][end], e.g. 5, 10:, ~:5, @1:3)");
        }
        if (start > end) {
            throw new IllegalArgumentException("threshold range start is above its end: '" + text + "'");
        }
        return new Range(start, end, inside, t);
    }

    /** Plain decimal numbers only: Java would also take 5d, 0x10p0, 1e3, NaN and Infinity. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private static double number(String s) {
        if (!NUMBER.matcher(s).matches()) {
            throw new NumberFormatException(s);
        }
        double d = Double.parseDouble(s);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new NumberFormatException(s);
        }
        return d;
    }

    /** True when the value should raise an alert. */
    public boolean alerts(double value) {
        boolean within = value >= start && value <= end;
        return inside == within;
    }

    /**
     * The range as the guidelines write it, from the parsed values rather than the typed text: what perfdata
     * carries ("0:10" is "10", "+5" is "5", "~:" stays "~:").
     */
    public String normalized() {
        String s = start == Double.NEGATIVE_INFINITY ? "~:" : start == 0 ? "" : Perfdata.number(start) + ":";
        String e = end == Double.POSITIVE_INFINITY ? "" : Perfdata.number(end);
        if (s.isEmpty() && e.isEmpty()) {
            s = "0:";
        }
        return (inside ? "@" : "") + s + e;
    }

    @Override
    public String toString() {
        return text;
    }
}
