package io.arr502.core.verdict;

import java.math.BigDecimal;

/**
 * One performance value, formatted as the Monitoring Plugins guidelines require:
 * {@code 'label'=value[UOM];[warn];[crit];[min];[max]} with C-locale numbers. {@code value} null
 * prints {@code U} (unknown).
 */
public record Perfdata(String label, Double value, String uom, Range warn, Range crit, Double min, Double max) {

    public static Perfdata of(String label, double value, String uom) {
        return new Perfdata(label, value, uom, null, null, null, null);
    }

    public Perfdata withThresholds(Range w, Range c) {
        return new Perfdata(label, value, uom, w, c, min, max);
    }

    public Perfdata withBounds(Double lo, Double hi) {
        return new Perfdata(label, value, uom, warn, crit, lo, hi);
    }

    /** Labels are at most this long: a label built from a 100 KB URL made a 100 KB first line. */
    static final int MAX_LABEL = 80;

    /** Labels lose characters that break parsers ({@code ' = |} and controls); spaces become underscores; long ones are cut. */
    public static String cleanLabel(String label) {
        StringBuilder b = new StringBuilder(Math.min(label.length(), MAX_LABEL + 8));
        for (char c : label.toCharArray()) {
            if (c == '\'' || c == '=' || c == '|' || c < 0x20 || c == 0x7f) {
                continue;
            }
            b.append(c == ' ' ? '_' : c);
        }
        if (b.length() > MAX_LABEL) {
            // cut in the middle: the start and the end (probe_..._total) both say what it is
            String s = b.toString();
            return s.substring(0, MAX_LABEL / 2 - 1) + ".." + s.substring(s.length() - (MAX_LABEL / 2 - 1));
        }
        return b.length() == 0 ? "value" : b.toString();
    }

    public String format() {
        StringBuilder b = new StringBuilder();
        b.append('\'').append(cleanLabel(label)).append("'=");
        b.append(value == null ? "U" : number(value)).append(uom == null ? "" : uom);
        b.append(';').append(warn == null ? "" : warn.normalized());
        b.append(';').append(crit == null ? "" : crit.normalized());
        b.append(';').append(min == null ? "" : number(min));
        b.append(';').append(max == null ? "" : number(max));
        String s = b.toString();
        // trailing empty fields are optional; keep the output short
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new BigDecimal(d).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
