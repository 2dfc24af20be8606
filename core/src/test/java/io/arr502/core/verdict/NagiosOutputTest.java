package io.arr502.core.verdict;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19: the Nagios output carried ';' as ',' (a printed command differed from the one run), and had no length cap. */
class NagiosOutputTest {
    private static Verdict with(String summary, List<String> lines, List<Perfdata> perf) {
        return new Verdict(State.WARNING, summary, perf, lines, Metrics.none(), 0, null, List.of(), List.of());
    }

    @Test
    void aCommandIsPrintedAsItRuns() {
        String cmd = "  run: appcmd set config -section:webFarms \"/[name='a;b'].applicationRequestRouting.protocol.timeout:00:02:00\"";
        String out = NagiosOutput.render(with("x", List.of(cmd), List.of()));
        assertThat(out).contains(cmd);
    }

    @Test
    void linesAndLabelsAreCappedAndStayOneLine() {
        String huge = "/api/" + "a".repeat(100_000) + "|'x'=1\nnext";
        String out = NagiosOutput.render(with("route " + huge, List.of("route " + huge),
                List.of(Perfdata.of("probe_https://" + "h".repeat(100_000) + "/health_total", 12, "ms"))));
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).split(" \\| ")[0]).hasSizeLessThanOrEqualTo(NagiosOutput.MAX_LINE + "ARR502 WARNING - ".length());
        assertThat(lines.get(0).split(" \\| ")[1]).hasSizeLessThan(100).startsWith("'probe_https://hhh").contains("..").endsWith("/health_total'=12ms");
        assertThat(lines.get(1)).hasSize(NagiosOutput.MAX_LINE).endsWith("…");
    }

    @Test
    void perfdataCarriesTheParsedRangeNotTheTypedOne() {
        Perfdata p = Perfdata.of("rate", 1, "%").withThresholds(Range.parse("0:3"), Range.parse("+5.50"));
        assertThat(p.format()).isEqualTo("'rate'=1%;3;5.5");
        assertThat(Perfdata.of("r", 1, null).withThresholds(Range.parse("@~:-1"), Range.parse("10:")).format()).isEqualTo("'r'=1;@~:-1;10:");
    }
}
