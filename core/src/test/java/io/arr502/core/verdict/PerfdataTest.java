package io.arr502.core.verdict;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PerfdataTest {

    @Test
    void formatsPerTheGuidelines() {
        assertThat(new Perfdata("rate_502_3", 4.75, "%", Range.parse("1"), Range.parse("5"), 0.0, 100.0).format())
                .isEqualTo("'rate_502_3'=4.75%;1;5;0;100");
        assertThat(Perfdata.of("count", 385, null).format()).isEqualTo("'count'=385");
        assertThat(new Perfdata("unknown", null, "ms", null, null, null, null).format()).isEqualTo("'unknown'=Ums");
        assertThat(new Perfdata("x", 0.1 + 0.2, null, null, null, 0.0, null).format()).isEqualTo("'x'=0.3;;;0");
    }

    @Test
    void labelsCannotBreakTheFormat() {
        assertThat(Perfdata.cleanLabel("probe_https://a/b?x='1'|y=2 z\n")).isEqualTo("probe_https://a/b?x1y2_z");
    }

    @Test
    void numbersAreCLocaleWhateverTheDefault() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertThat(Perfdata.of("r", 1.25, "%").format()).isEqualTo("'r'=1.25%");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
