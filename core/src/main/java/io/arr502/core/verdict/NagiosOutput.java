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

    /** One line, no pipe: what came from logs or configs cannot break the format. */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '|') {
                b.append('/');
            } else if (c == ';') {
                b.append(','); // Nagios rewrites ';' in plugin output anyway; say it the same way everywhere
            } else if (c == '\n' || c == '\r' || c == '\t') {
                b.append(' ');
            } else if (c < 0x20 || c == 0x7f) {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
