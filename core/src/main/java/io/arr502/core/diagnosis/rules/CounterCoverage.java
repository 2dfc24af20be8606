package io.arr502.core.diagnosis.rules;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.log.LogSummary;
import io.arr502.core.log.MinuteBucket;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How much of the judged window one counter's samples cover: a live Get-Counter sample spans seconds (a snapshot),
 * a counter log read back with Import-Counter spans the window. A snapshot cannot show a plateau over the failure
 * minutes, so a rule must state it as a snapshot and not rest a main cause on it.
 *
 * @param samples   the counter's samples with a timestamp, oldest first
 * @param from      the judged window's start ({@code LogSummary.windowStart}, else the log's first minute)
 * @param to        its end, exclusive
 * @param inside    the samples inside [from, to), oldest first
 * @param coverage  0..1: the part of the window between the first and the last sample inside it
 */
record CounterCoverage(List<CollectedEvidence.CounterSample> samples, Instant from, Instant to, List<CollectedEvidence.CounterSample> inside,
                       double coverage) {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    /** Less than one log minute of samples cannot tell a plateau from a moment. */
    private static final Duration SNAPSHOT = Duration.ofSeconds(60);

    static CounterCoverage of(List<CollectedEvidence.CounterSample> series, LogSummary logs) {
        List<CollectedEvidence.CounterSample> s = series.stream().filter(x -> x.timestamp() != null)
                .sorted(Comparator.comparing(CollectedEvidence.CounterSample::timestamp)).toList();
        // the window the check judges (the requested one: requests may stop before it does), else the log's minutes
        Instant from = logs.windowStart() != null ? logs.windowStart() : logs.perMinute().get(0).minute();
        Instant to = logs.windowEnd() != null ? logs.windowEnd() : logs.perMinute().get(logs.perMinute().size() - 1).minute().plusSeconds(60);
        List<CollectedEvidence.CounterSample> in = s.stream().filter(x -> !x.timestamp().isBefore(from) && x.timestamp().isBefore(to)).toList();
        double cov = in.size() < 2 ? 0 : Math.min(1.0, (double) Duration.between(in.get(0).timestamp(), in.get(in.size() - 1).timestamp()).toSeconds()
                / Duration.between(from, to).toSeconds());
        return new CounterCoverage(s, from, to, in, cov);
    }

    Duration span() {
        return samples.size() < 2 ? Duration.ZERO : Duration.between(samples.get(0).timestamp(), samples.get(samples.size() - 1).timestamp());
    }

    /** Seconds or minutes of samples that cannot show a plateau over a minute. */
    boolean snapshot() {
        return span().compareTo(SNAPSHOT) < 0;
    }

    /** The failure minutes that have at least one sample. */
    long covered(List<MinuteBucket> minutes) {
        return minutes.stream().filter(m -> samples.stream().anyMatch(x -> inMinute(x, m))).count();
    }

    static boolean inMinute(CollectedEvidence.CounterSample x, MinuteBucket m) {
        return !x.timestamp().isBefore(m.minute()) && x.timestamp().isBefore(m.minute().plusSeconds(60));
    }

    /** "5 samples over 8 s at 14:10:02 (a snapshot)" or "64 samples over 15 min 45 s, 14:00:00-14:15:45: 98 % of the judged window 14:00-14:16". */
    String describe() {
        if (samples.isEmpty()) {
            return "no timestamped samples";
        }
        Duration span = span();
        String when = samples.size() == 1 ? "one sample at " + HM.format(samples.get(0).timestamp())
                : String.format(Locale.US, "%d samples over %s, %s-%s", samples.size(), human(span), HM.format(samples.get(0).timestamp()),
                HM.format(samples.get(samples.size() - 1).timestamp()));
        String window = String.format(Locale.US, "the judged window %s-%s", HM.format(from), HM.format(to));
        if (snapshot()) {
            return when + " (a snapshot; " + (inside.isEmpty() ? "outside " + window : "inside " + window) + ")";
        }
        return String.format(Locale.US, "%s: %.0f %% of %s", when, 100 * coverage, window);
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s % 60 == 0 ? (s / 60) + " min" : String.format(Locale.US, "%d min %d s", s / 60, s % 60);
    }
}
