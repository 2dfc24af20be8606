package io.arr502.core.diagnosis.rules;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.log.LogSummary;
import io.arr502.core.log.MinuteBucket;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Connection-pool exhaustion: 12029/12002 come in bursts (a minute far above the usual) while the
 * connection counters sit flat at their highest value — a ceiling, not a slow backend or a dead one.
 * Needs both the log series and the collected counters; either alone cannot tell it from a backend outage.
 */
final class PoolExhaustionRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        CollectedEvidence c = in.evidence().collected();
        LogSummary logs = in.logs();
        if (c == null || logs == null || logs.perMinute().size() < 3) {
            return List.of();
        }
        List<Double> conns = c.counters().stream().filter(s -> s.path().contains("current connections") || s.path().contains("current requests"))
                .map(CollectedEvidence.CounterSample::value).toList();
        if (conns.size() < 3) {
            return List.of();
        }
        double max = conns.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = conns.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        boolean plateau = max >= 100 && (max - min) <= 0.02 * max;
        long[] perMinute = logs.perMinute().stream().mapToLong(b -> b.count12029() + b.count12002()).sorted().toArray();
        long median = perMinute[perMinute.length / 2];
        MinuteBucket worst = logs.perMinute().stream().max(Comparator.comparingLong(b -> b.count12029() + b.count12002())).orElseThrow();
        long peak = worst.count12029() + worst.count12002();
        long threshold = Math.max(10, 5 * Math.max(1, median));
        List<MinuteBucket> bursts = logs.perMinute().stream().filter(b -> b.count12029() + b.count12002() >= threshold).toList();
        if (!plateau || bursts.isEmpty() || bursts.size() > perMinute.length / 2) {
            return List.of();
        }
        long inBursts = bursts.stream().mapToLong(b -> b.count12029() + b.count12002()).sum();
        return List.of(Candidate.counted(new Finding(Cause.CONNECTION_POOL_EXHAUSTION, 0.7, String.format(Locale.US,
                "bursts of 12029/12002 while connections sit at a ceiling of %.0f", max), List.of(
                String.format(Locale.US, "connection counters flat at %.0f-%.0f over %d samples (a ceiling, not load)", min, max, conns.size()),
                String.format(Locale.US, "%d burst minute(s); worst %s with %d × 12029/12002 against a median of %d a minute",
                        bursts.size(), worst.minute(), peak, median),
                "next: ARR per-server Current Requests and the backend's connection limits (maxConcurrentRequestsPerCPU, appConcurrentRequestLimit)")),
                inBursts));
    }
}
