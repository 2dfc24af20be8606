package io.arr502.core.diagnosis;

import java.util.Locale;

/**
 * Is the current 502.3 count higher than the baseline rate explains? An exact one-sided binomial test:
 * p = P(X ≥ k) for X ~ Binomial(n, p0), with p0 the baseline rate (a baseline with no 502.3 at all
 * counts as half an error, so "0 of 10,000" does not make one error infinitely surprising).
 */
public final class RegressionTest {
    private RegressionTest() {
    }

    public static Regression compare(long baselineRequests, long baseline502_3, long currentRequests, long current502_3,
                                     RegressionSettings s, String baselineSource) {
        if (baselineRequests <= 0) {
            return new Regression(false, baselineSource, baselineRequests, baseline502_3, currentRequests, current502_3, 1.0,
                    "no baseline traffic to compare with");
        }
        double p0 = Math.max(baseline502_3, 0.5) / baselineRequests;
        p0 = Math.min(p0, 1.0);
        double current = currentRequests == 0 ? 0 : (double) current502_3 / currentRequests;
        double p = upperTail(currentRequests, current502_3, p0);
        boolean enough = current502_3 >= s.minCount();
        boolean bigger = current >= p0 * s.minFactor();
        boolean regression = enough && bigger && p < s.significance();
        String verdict = regression ? "regression" : "no regression";
        String why;
        if (regression) {
            why = String.format(Locale.US, "p = %.2g < %.2g", p, s.significance());
        } else if (!enough) {
            why = String.format(Locale.US, "only %d 502.3, fewer than %d", current502_3, s.minCount());
        } else if (!bigger) {
            why = String.format(Locale.US, "rate below %.1f× the baseline", s.minFactor());
        } else {
            why = String.format(Locale.US, "p = %.2g ≥ %.2g", p, s.significance());
        }
        String text = String.format(Locale.US, "%s: 502.3 %d of %d (%.3f %%) now vs %d of %d (%.3f %%) in %s; %s",
                verdict, current502_3, currentRequests, 100 * current, baseline502_3, baselineRequests,
                100.0 * baseline502_3 / baselineRequests, baselineSource, why);
        return new Regression(regression, baselineSource, baselineRequests, baseline502_3, currentRequests, current502_3, p, text);
    }

    /** P(X ≥ k), X ~ Binomial(n, p), summed in log space from k upward until the terms vanish. */
    static double upperTail(long n, long k, double p) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > n) {
            return 0.0;
        }
        if (p <= 0) {
            return 0.0;
        }
        if (p >= 1) {
            return 1.0;
        }
        double mean = n * p;
        if (k <= mean) {
            // the observed count is not above expectation: the tail is at least about one half
            return 1.0 - lowerTail(n, k - 1, p);
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double sum = 0;
        for (long x = k; x <= n; x++) {
            double term = Math.exp(logChoose(n, x) + x * logP + (n - x) * logQ);
            sum += term;
            if (term < sum * 1e-15) {
                break;
            }
        }
        return Math.min(1.0, sum);
    }

    private static double lowerTail(long n, long k, double p) {
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double sum = 0;
        for (long x = k; x >= 0; x--) {
            double term = Math.exp(logChoose(n, x) + x * logP + (n - x) * logQ);
            sum += term;
            if (term < sum * 1e-15) {
                break;
            }
        }
        return Math.min(1.0, sum);
    }

    private static double logChoose(long n, long k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    /** Exact sum below 256, Stirling's series above (error far below what the test needs). */
    static double logFactorial(long n) {
        if (n < 256) {
            double s = 0;
            for (long i = 2; i <= n; i++) {
                s += Math.log(i);
            }
            return s;
        }
        double x = n;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
