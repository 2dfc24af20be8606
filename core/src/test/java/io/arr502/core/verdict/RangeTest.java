package io.arr502.core.verdict;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table from the Monitoring Plugins development guidelines, plus edges. */
class RangeTest {

    @ParameterizedTest(name = "{0} alerts on {1}: {2}")
    @CsvSource({
            "10, -1, true", "10, 0, false", "10, 10, false", "10, 10.5, true",
            "10:, 9.9, true", "10:, 10, false", "10:, 1e9, false",
            "~:10, -1e9, false", "~:10, 10, false", "~:10, 11, true",
            "10:20, 9, true", "10:20, 15, false", "10:20, 20, false", "10:20, 21, true",
            "@10:20, 9, false", "@10:20, 10, true", "@10:20, 20, true", "@10:20, 21, false",
            "1, 1.01, true", "0.5, 0.5, false",
    })
    void alertsOutsideOrInsideWithAt(String range, double value, boolean alerts) {
        assertThat(Range.parse(range).alerts(value)).isEqualTo(alerts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "10:5", "1:2:3", "@", "~", "NaN", "5x"})
    void rejectsWhatIsNotARange(String text) {
        assertThatThrownBy(() -> Range.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\n");
    }
}
