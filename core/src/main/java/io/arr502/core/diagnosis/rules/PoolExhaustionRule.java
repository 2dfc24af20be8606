package io.arr502.core.diagnosis.rules;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.log.LogSummary;
import io.arr502.core.log.MinuteBucket;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Connection-pool exhaustion: 12029/12002 come in bursts (a minute far above the usual) while a connection counter
 * sits flat at its highest value — a ceiling, not a slow backend or a dead one. Needs both the log series and the
 * collected counters; either alone cannot tell it from a backend outage. Each counter (path and instance) is judged
 * on its own, and by how much of the judged window its samples cover ({@link CounterCoverage}): samples in every
 * failure minute at the window's ceiling can make this the main cause; a snapshot of seconds is stated as one and
 * stays a weak lead, below the log's own cause for the same failures.
 */
final class PoolExhaustionRule implements CauseRule {
    /** A snapshot's finding ranks below the cannot-connect/timeout findings the same 12029/12002 always raise. */
    static final double SNAPSHOT_CONFIDENCE = 0.25;

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        CollectedEvidence c = in.evidence().collected();
        LogSummary logs = in.logs();
        if (c == null || logs == null || logs.perMinute().size() < 3) {
            return List.of();
        }
        Map<String, List<CollectedEvidence.CounterSample>> series = new LinkedHashMap<>();
        c.counters().stream().filter(s -> s.path().contains("current connections") || s.path().contains("current requests"))
                .forEach(s -> series.computeIfAbsent(s.path(), k -> new ArrayList<>()).add(s));
        if (series.isEmpty()) {
            return List.of();
        }
        long[] perMinute = logs.perMinute().stream().mapToLong(b -> b.count12029() + b.count12002()).sorted().toArray();
        long median = perMinute[perMinute.length / 2];
        MinuteBucket worst = logs.perMinute().stream().max(Comparator.comparingLong(b -> b.count12029() + b.count12002())).orElseThrow();
        long peak = worst.count12029() + worst.count12002();
        long threshold = Math.max(10, 5 * Math.max(1, median));
        List<MinuteBucket> bursts = logs.perMinute().stream().filter(b -> b.count12029() + b.count12002() >= threshold).toList();
        if (bursts.isEmpty() || bursts.size() > perMinute.length / 2) {
            return List.of();
        }
        long inBursts = bursts.stream().mapToLong(b -> b.count12029() + b.count12002()).sum();
        String burstLine = String.format(Locale.US, "%d burst minute(s); worst %s with %d × 12029/12002 against a median of %d a minute",
                bursts.size(), worst.minute(), peak, median);
        Finding best = null;
        for (Map.Entry<String, List<CollectedEvidence.CounterSample>> e : series.entrySet()) {
            Finding f = judge(e.getKey(), e.getValue(), CounterCoverage.of(e.getValue(), logs), bursts, burstLine);
            if (f != null && (best == null || f.confidence() > best.confidence())) {
                best = f;
            }
        }
        return best == null ? List.of() : List.of(Candidate.counted(best, inBursts));
    }

    private static Finding judge(String path, List<CollectedEvidence.CounterSample> samples, CounterCoverage cov, List<MinuteBucket> bursts,
                                 String burstLine) {
        String next = "next: ARR per-server Current Requests and the backend's connection limits (maxConcurrentRequestsPerCPU, appConcurrentRequestLimit)";
        long covered = cov.covered(bursts);
        if (!cov.snapshot() && covered == bursts.size()) {
            // the window's own ceiling, held in every failure minute
            double ceiling = cov.inside().stream().mapToDouble(CollectedEvidence.CounterSample::value).max().orElse(0);
            List<CollectedEvidence.CounterSample> during = cov.samples().stream()
                    .filter(x -> bursts.stream().anyMatch(m -> CounterCoverage.inMinute(x, m))).toList();
            double low = during.stream().mapToDouble(CollectedEvidence.CounterSample::value).min().orElse(0);
            if (ceiling < 100 || low < 0.98 * ceiling) {
                return null; // the counters cover the failure minutes and show no ceiling there
            }
            return new Finding(Cause.CONNECTION_POOL_EXHAUSTION, DiagnosisInput.clamp(0.4 + 0.3 * cov.coverage()), String.format(Locale.US,
                    "bursts of 12029/12002 while connections sit at a ceiling of %.0f in every failure minute", ceiling), List.of(
                    String.format(Locale.US, "%s at %.0f-%.0f in the failure minutes (%d samples), the highest of the window", path, low, ceiling, during.size()),
                    "counter samples: " + cov.describe(),
                    burstLine, next));
        }
        List<Double> v = samples.stream().map(CollectedEvidence.CounterSample::value).toList();
        double max = v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        if (v.size() < 3 || max < 100 || (max - min) > 0.02 * max) {
            return null;
        }
        String why = cov.snapshot() ? "a snapshot cannot show a plateau over the window"
                : String.format(Locale.US, "%d of %d failure minute(s) have samples: no plateau shown over the failure minutes", covered, bursts.size());
        return new Finding(Cause.CONNECTION_POOL_EXHAUSTION, SNAPSHOT_CONFIDENCE, String.format(Locale.US,
                "bursts of 12029/12002; connections flat at %.0f, but only in a sample that does not cover the failure minutes", max), List.of(
                String.format(Locale.US, "connection counters flat at %.0f-%.0f over %d samples (%s)", min, max, v.size(), path),
                "counter samples: " + cov.describe() + "; " + why,
                burstLine,
                "to see the window: a counter log (check-scripts/Install-Arr502CounterLog.ps1) that Get-Arr502Counters.ps1 reads back",
                next));
    }
}
