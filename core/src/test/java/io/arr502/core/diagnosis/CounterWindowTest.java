package io.arr502.core.diagnosis;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.collect.EvidenceFolder;
import io.arr502.core.evidence.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection-pool exhaustion weighed by how much of the judged window the counters cover: a counter log read back
 * over the window (collect/counter-log) against a live Get-Counter snapshot of 8 s (collect/counter-live).
 */
class CounterWindowTest {
    private static final Path COLLECT = Path.of("src/test/resources/collect");

    @TempDir
    Path dir;

    /** Ten quiet minutes, one minute (14:10) of 12029/12002 bursts, five quiet minutes: the window 14:00-14:16. */
    private Evidence logs() throws Exception {
        Scenario s = new Scenario().lines(600, "/a", 200, 0, 0, 40);
        s.lines(40, "/a", 502, 3, 12029, 15).lines(20, "/b", 502, 3, 12002, 29_950);
        s.lines(300, "/a", 200, 0, 0, 40);
        return s.evidence(dir);
    }

    private Diagnosis diagnose(CollectedEvidence c) throws Exception {
        return Diagnoser.diagnose(new Evidence(logs().logs(), null, null, List.of(), c, List.of()), DiagnosisOptions.defaults());
    }

    @Test
    void aCounterLogOverTheWindowWithAPlateauInTheFailureMinuteMakesExhaustionTheCause() throws Exception {
        CollectedEvidence c = EvidenceFolder.read(COLLECT.resolve("counter-log"));
        assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("945 s read from the counter log C:\\PerfLogs\\arr502\\arr502-counters.blg (15 s interval, 128 samples)"));
        Diagnosis d = diagnose(c);
        assertThat(d.top().cause()).isEqualTo(Cause.CONNECTION_POOL_EXHAUSTION);
        Finding pool = d.top();
        assertThat(pool.confidence()).isGreaterThan(0.6);
        assertThat(pool.evidence()).anySatisfy(e -> assertThat(e).isEqualTo(
                "\\web service(_total)\\current connections at 4999-5000 in the failure minutes (4 samples), the highest of the window"));
        // the span and the sample count of the series the finding rests on
        assertThat(pool.evidence()).anySatisfy(e -> assertThat(e).isEqualTo(
                "counter samples: 64 samples over 15 min 45 s, 14:00:00-14:15:45: 98 % of the judged window 14:00:00-14:16:00"));

        // the same log with the burst minute's connections at half the ceiling: the window disproves exhaustion
        List<CollectedEvidence.CounterSample> moved = c.counters().stream().map(s -> s.timestamp().toString().startsWith("2026-11-24T14:10")
                ? new CollectedEvidence.CounterSample(s.path(), s.instance(), s.value() / 2, s.timestamp()) : s).toList();
        assertThat(diagnose(withCounters(c, moved)).findings()).extracting(Finding::cause).doesNotContain(Cause.CONNECTION_POOL_EXHAUSTION);
    }

    @Test
    void aLiveSnapshotIsSaidToBeOneAndDoesNotMakeExhaustionTheMainCause() throws Exception {
        CollectedEvidence c = EvidenceFolder.read(COLLECT.resolve("counter-live"));
        assertThat(c.notes()).contains("counters: no counter log arr502-counters (Install-Arr502CounterLog.ps1 creates it); a live sample of 8 s was taken")
                .anySatisfy(n -> assertThat(n).endsWith("; 8 s sampled live, 5 samples"));
        Diagnosis d = diagnose(c);
        // the same flat 5000 as the log shows, but over 8 s inside the burst minute: a lead, not the cause
        assertThat(d.top().cause()).isEqualTo(Cause.BACKEND_UNREACHABLE);
        Finding pool = d.findings().stream().filter(f -> f.cause() == Cause.CONNECTION_POOL_EXHAUSTION).findFirst().orElseThrow();
        assertThat(pool.confidence()).isLessThan(d.top().confidence());
        assertThat(pool.evidence()).anySatisfy(e -> assertThat(e).isEqualTo("counter samples: 5 samples over 8 s, 14:10:02-14:10:10 "
                + "(a snapshot; inside the judged window 14:00:00-14:16:00); a snapshot cannot show a plateau over the window"));
    }

    @Test
    void aCounterLogWithNoSampleInTheFailureMinuteCannotShowThePlateau() throws Exception {
        CollectedEvidence log = EvidenceFolder.read(COLLECT.resolve("counter-log"));
        // flat at 5000 all window long, but the collector missed the burst minute (a gap in the log)
        List<CollectedEvidence.CounterSample> gap = log.counters().stream().filter(s -> s.path().contains("web service"))
                .filter(s -> !s.timestamp().toString().startsWith("2026-11-24T14:10"))
                .map(s -> new CollectedEvidence.CounterSample(s.path(), s.instance(), 5000, s.timestamp())).toList();
        Diagnosis d = diagnose(withCounters(log, gap));
        assertThat(d.top().cause()).isEqualTo(Cause.BACKEND_UNREACHABLE);
        Finding pool = d.findings().stream().filter(f -> f.cause() == Cause.CONNECTION_POOL_EXHAUSTION).findFirst().orElseThrow();
        assertThat(pool.evidence()).anySatisfy(e -> assertThat(e).startsWith("counter samples: 60 samples over 15 min 45 s")
                .endsWith("0 of 1 failure minute(s) have samples: no plateau shown over the failure minutes"));
    }

    private static CollectedEvidence withCounters(CollectedEvidence c, List<CollectedEvidence.CounterSample> counters) {
        return new CollectedEvidence(c.host(), c.collectedAt(), List.of(), List.of(), counters, null, List.of(), List.of(), java.util.Map.of(), List.of());
    }
}
