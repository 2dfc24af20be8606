package io.arr502.core.verdict;

/** A report for people at a terminal: the same verdict, laid out to read. */
public final class TextOutput {
    private TextOutput() {
    }

    public static String render(Verdict v) {
        StringBuilder b = new StringBuilder();
        b.append("arr502 verdict: ").append(v.state()).append('\n');
        b.append(v.summary()).append("\n\n");
        Metrics m = v.metrics();
        if (m.requests() > 0) {
            b.append(String.format(java.util.Locale.US, "requests %d, 502.3 %d (%.2f %%%s), malformed lines %d%n",
                    m.requests(), m.count502_3(), m.rate502_3(), m.clientAbortsStated(), v.malformedLines()));
            b.append("status counts: ").append(m.byStatus()).append('\n');
            if (!m.routes().isEmpty()) {
                b.append(String.format(java.util.Locale.US, "%n%-40s %9s %7s %9s %9s %9s%n", "route", "requests", "502.3", "p50 ms", "p99 ms", "max ms"));
                m.routes().stream().limit(15).forEach(r -> b.append(String.format(java.util.Locale.US, "%-40s %9d %7d %9d %9d %9d%n",
                        r.route().length() > 40 ? r.route().substring(0, 37) + "..." : r.route(),
                        r.requests(), r.count502_3(), r.p50(), r.p99(), r.max())));
            }
            b.append('\n');
        }
        for (String line : v.longOutput()) {
            b.append(line).append('\n');
        }
        if (!m.failedExamples().isEmpty() && v.longOutput().stream().noneMatch(l -> l.startsWith("502.3 line "))) {
            b.append('\n');
            LogTrust.exampleLines(m.failedExamples()).forEach(l -> b.append(l).append('\n'));
        }
        return b.toString();
    }
}
