package io.arr502.core.verdict;

import java.util.stream.Collectors;

/**
 * The plugin output Nagios and Icinga parse: {@code ARR502 STATE - summary | perfdata} on the first
 * line, long output after it. Perfdata only on the first line (both daemons mangle it elsewhere), and
 * nothing from the evidence may add a {@code |} or a line break.
 */
public final class NagiosOutput {
    private NagiosOutput() {
    }

    public static String render(Verdict v) {
        StringBuilder b = new StringBuilder();
        b.append("ARR502 ").append(v.state()).append(" - ").append(clean(v.summary()));
        if (!v.perfdata().isEmpty()) {
            b.append(" | ").append(v.perfdata().stream().map(Perfdata::format).collect(Collectors.joining(" ")));
        }
        b.append('\n');
        for (String line : v.longOutput()) {
            b.append(clean(line)).append('\n');
        }
        return b.toString();
    }

    /** A line is cut here: a 100 KB URL in a route made a 100 KB first line. */
    static final int MAX_LINE = 1000;

    /**
     * One line, no pipe, at most {@link #MAX_LINE} characters: what came from logs or configs cannot break the
     * format. A ';' stays: it used to become ',', so a printed command differed from the one --apply ran.
     */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        boolean cut = s.length() > MAX_LINE;
        if (cut) {
            s = s.substring(0, MAX_LINE - 1);
        }
        StringBuilder b = new StringBuilder(s.length() + 1);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '|') {
                b.append('/');
            } else if (c == '\n' || c == '\r' || c == '\t') {
                b.append(' ');
            } else if (c < 0x20 || c == 0x7f) {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        return cut ? b.append('…').toString() : b.toString();
    }
}
