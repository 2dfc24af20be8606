package io.arr502.core.diagnosis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RegressionTestTest {

    @ParameterizedTest(name = "baseline {1}/{0}, now {3}/{2} → {4}")
    @CsvSource({
            // a single 502.3 at 3 a.m. on 20 requests never pages
            "100000, 10, 20, 1, false",
            // a real rise: 0.01 % → 2 %
            "100000, 10, 5000, 100, true",
            // clean baseline, a burst of 12 in 2,000: significant
            "50000, 0, 2000, 12, true",
            // same rate as the baseline: no
            "100000, 500, 10000, 50, false",
            // slightly more but within noise
            "100000, 500, 10000, 60, false",
            // statistically clear but below 1.5× the baseline rate
            "10000000, 100000, 10000000, 101500, false",
            // four errors are below the minimum count whatever p says
            "100000, 0, 100, 4, false",
    })
    void onlyARealRiseIsARegression(long bReq, long b5023, long cReq, long c5023, boolean expected) {
        Regression r = RegressionTest.compare(bReq, b5023, cReq, c5023, RegressionSettings.defaults(), "previous build");
        assertThat(r.regression()).as(r.explanation()).isEqualTo(expected);
        assertThat(r.explanation()).contains(c5023 + " of " + cReq).contains("previous build");
    }

    @Test
    void upperTailMatchesKnownBinomialValues() {
        // P(X >= 3), X ~ Bin(10, 0.1) = 0.0701908
        assertThat(RegressionTest.upperTail(10, 3, 0.1)).isCloseTo(0.0701908, within(1e-6));
        // P(X >= 1), X ~ Bin(20, 0.05) = 1 - 0.95^20 = 0.6415141
        assertThat(RegressionTest.upperTail(20, 1, 0.05)).isCloseTo(0.6415141, within(1e-6));
        // large n: P(X >= 30), X ~ Bin(100000, 0.0002) (mean 20) ≈ 0.02182 (Poisson ≈ 0.0218)
        assertThat(RegressionTest.upperTail(100_000, 30, 0.0002)).isCloseTo(0.0218, within(5e-4));
        assertThat(RegressionTest.logFactorial(300)).isCloseTo(1414.905849, within(1e-5));
    }

    @Test
    void noBaselineTrafficIsNeverARegression() {
        Regression r = RegressionTest.compare(0, 0, 100, 50, RegressionSettings.defaults(), "empty");
        assertThat(r.regression()).isFalse();
        assertThat(r.explanation()).isEqualTo("no baseline traffic to compare with");
    }
}
