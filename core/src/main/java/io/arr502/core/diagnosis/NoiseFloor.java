package io.arr502.core.diagnosis;

import io.arr502.core.log.LogSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a count of failed requests is evidence for a cause or could be normal noise: it needs at least
 * {@code noiseMinCount} failures and {@code noiseMinRatePercent} of all requests, or — with a baseline —
 * a significant rise by the baseline's binomial test. Without logs (FREB alone) there is no request count
 * to judge a rate by, so the floor does not apply.
 */
final class NoiseFloor {
    private NoiseFloor() {
    }

    static boolean passes(Candidate c, DiagnosisInput in) {
        LogSummary logs = in.logs();
        if (c.failedRequests() == 0 || logs == null) {
            return true;
        }
        Thresholds t = in.options().thresholds();
        long n = c.failedRequests();
        if (n >= t.noiseMinCount() && logs.requests() > 0 && 100.0 * n / logs.requests() >= t.noiseMinRatePercent()) {
            return true;
        }
        Baseline b = in.options().baseline();
        return b != null && RegressionTest.compare(b.requests(), b.count502_3(), logs.requests(), n, in.options().regression(), b.source())
                .regression();
    }

    static String describe(Thresholds t, boolean baseline) {
        return String.format(Locale.US, "noise floor: a cause needs at least %d failed requests and %s %% of all requests%s",
                t.noiseMinCount(), Thresholds.number(t.noiseMinRatePercent()), baseline ? ", or a significant rise against the baseline" : "");
    }

    /** Every failure in the logs by code, e.g. "502.3/12031 ×1, 504.0 ×2". */
    static String codes(LogSummary logs) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : logs.win32For502_3().entrySet()) {
            out.add("502.3/" + e.getKey() + " ×" + e.getValue());
        }
        for (String s : List.of("502.4", "504.0", LogSummary.UNKNOWN_SUBSTATUS_502)) {
            if (logs.count(s) > 0) {
                out.add(s + " ×" + logs.count(s));
            }
        }
        return String.join(", ", out);
    }
}
