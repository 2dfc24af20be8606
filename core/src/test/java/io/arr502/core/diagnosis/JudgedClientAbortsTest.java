package io.arr502.core.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import io.arr502.core.gate.GateOptions;
import io.arr502.core.gate.GateResult;
import io.arr502.core.gate.GateThreshold;
import io.arr502.core.gate.QualityGate;
import io.arr502.core.verdict.JsonOutput;
import io.arr502.core.verdict.Perfdata;
import io.arr502.core.verdict.State;
import io.arr502.core.verdict.Verdict;
import io.arr502.core.verdict.VerdictOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client aborts (502.3 with win32 1236/64, GoAccess #1539's long polls) in the judged 502.3 rate: left out by default and
 * said, counted with --judge-client-aborts, and never hiding a backend failure beside them. Real W3C logs through the whole
 * triage ({@link TrafficScenario}); FREB traces from src/test/resources/freb/producers (sources in its README).
 */
class JudgedClientAbortsTest {
    static final String POLL = "/Microsoft-Server-ActiveSync";

    @TempDir
    Path dir;

    private static String perf(Verdict v, String label) {
        return v.perfdata().stream().filter(p -> p.label().equals(label)).map(Perfdata::format).findFirst().orElse(null);
    }

    /** 3,300 healthy requests; 200 long polls the clients gave up on (150 × 1236, 50 × 64, ~197 s): 5.71 % of all requests. */
    private static TrafficScenario healthyDayWithLongPollAborts(long seed) {
        return new TrafficScenario(seed).ok("/api/orders/4711", 3000, 40, 180).ok(POLL, 300, 120_000, 190_000)
                .fail(POLL, 150, 502, 3, 1236, 197_437).fail(POLL, 50, 502, 3, 64, 197_437);
    }

    private static VerdictOptions judging() {
        return VerdictOptions.defaults().withClientAbortsJudged(true);
    }

    @Test
    void longPollAbortsOnAHealthyDayAreOkAndSaidEverywhere() throws Exception {
        Verdict v = healthyDayWithLongPollAborts(21).judge(dir, VerdictOptions.defaults(), DiagnosisOptions.defaults());

        assertThat(v.state()).isEqualTo(State.OK);
        assertThat(v.summary()).startsWith("502.3 rate 0% (0 of 3500 requests, window all; 200 client aborts not judged)");
        assertThat(perf(v, "rate_502_3")).isEqualTo("'rate_502_3'=0%;1;5;0;100");
        assertThat(perf(v, "client_aborts")).isEqualTo("'client_aborts'=200;;;0");
        assertThat(v.longOutput()).contains("diagnosis CLIENT_ABORT (confidence 0.80): 200 502.3 are client aborts (1236/64), not backend failures",
                "  - not judged: the 502.3 rate the thresholds and the baseline judge leaves them out (--judge-client-aborts counts them)");
        assertThat(v.longOutput()).anySatisfy(l -> assertThat(l).startsWith("route " + POLL + ": 500 requests, 200 502.3 (200 client aborts, not judged)"));

        JsonNode m = JsonOutput.tree(v).get("metrics");
        assertThat(m.get("count502_3").asLong()).isZero();
        assertThat(m.get("rate502_3").asDouble()).isZero();
        assertThat(m.get("clientAborts").asLong()).isEqualTo(200);
        assertThat(m.get("clientAbortsJudged").asBoolean()).isFalse();
        assertThat(m.at("/byStatus/502.3").asLong()).as("every 502.3 as logged stays in byStatus").isEqualTo(200);
        assertThat(m.get("routes")).anySatisfy(r -> {
            assertThat(r.get("route").asText()).isEqualTo(POLL);
            assertThat(r.get("count502_3").asLong()).isZero();
            assertThat(r.get("clientAborts").asLong()).isEqualTo(200);
        });

        // the Jenkins gate judges the same metrics: neither the window's rate nor the long-poll route's breaks the build
        GateResult g = QualityGate.evaluate(v, GateThreshold.parse("RATE:1:FAILURE,ROUTE_RATE:1:UNSTABLE,COUNT:1:UNSTABLE"), GateOptions.defaults());
        assertThat(g.worst()).isNull();
    }

    @Test
    void theSameDayJudgedWithTheAbortsIsCritical() throws Exception {
        Verdict v = healthyDayWithLongPollAborts(21).judge(dir, judging(), DiagnosisOptions.defaults().withClientAbortsJudged(true));

        assertThat(v.state()).isEqualTo(State.CRITICAL);
        assertThat(v.summary()).startsWith("502.3 rate 5.71% (200 of 3500 requests, window all; 200 client aborts judged (--judge-client-aborts))");
        assertThat(perf(v, "client_aborts")).isEqualTo("'client_aborts'=200;;;0");
        assertThat(JsonOutput.tree(v).at("/metrics/clientAbortsJudged").asBoolean()).isTrue();
        GateResult g = QualityGate.evaluate(v, GateThreshold.parse("RATE:1:FAILURE"), GateOptions.defaults());
        assertThat(g.messages()).containsExactly(
                "FAILURE: 502.3 rate 5.71 % (200 of 3500; 200 client aborts judged (--judge-client-aborts)) - rate reaches 1");
    }

    @Test
    void aBackendFailureBesideTheAbortsIsJudgedAtItsOwnRate() throws Exception {
        // 45 ARR timeouts of 3,545 requests: 1.27 %, a WARNING; with the 200 aborts it would be 6.91 %, CRITICAL
        Verdict v = healthyDayWithLongPollAborts(22).timeouts("/api/reports/7", 45, 30_000)
                .judge(dir, VerdictOptions.defaults(), DiagnosisOptions.defaults());

        assertThat(v.state()).isEqualTo(State.WARNING);
        assertThat(v.summary()).startsWith("502.3 rate 1.27% (45 of 3545 requests, window all; 200 client aborts not judged)")
                .contains("cause ARR_TIMEOUT_TOO_LOW");
        assertThat(perf(v, "count_502_3")).isEqualTo("'count_502_3'=45;;;0");
        assertThat(perf(v, "win32_12002")).isEqualTo("'win32_12002'=45;;;0");
    }

    @Test
    void sixtyFourOnARouteFrebShowsAsTheAspNetCoreModulesStaysABackendFailure() throws Exception {
        // IISIntegration#201: the module logs 64 when its app drops the connection; FREB's ModuleName names the route's producer
        Path ancm = Path.of("src/test/resources/freb/producers/ancm-connect-12029.xml");
        TrafficScenario s = new TrafficScenario(23).ok("/api/orders/4711", 3000, 40, 180).fail("/exports/status", 40, 502, 3, 64, 3)
                .fail(POLL, 100, 502, 3, 1236, 197_437);

        Verdict withFreb = s.judge(dir.resolve("a"), VerdictOptions.defaults(), DiagnosisOptions.defaults(), ancm, ancm);
        assertThat(withFreb.state()).isEqualTo(State.WARNING);
        assertThat(withFreb.summary()).startsWith("502.3 rate 1.27% (40 of 3140 requests, window all; 100 client aborts not judged)");
        assertThat(withFreb.longOutput()).anySatisfy(l -> assertThat(l).startsWith("route /exports/status: 40 requests, 40 502.3, "));

        // without FREB nothing tells the module's 64 from a client's: the log alone says client aborts, and the summary says so
        Verdict logsOnly = s.judge(dir.resolve("b"), VerdictOptions.defaults(), DiagnosisOptions.defaults());
        assertThat(logsOnly.summary()).startsWith("502.3 rate 0% (0 of 3140 requests, window all; 140 client aborts not judged)");
    }

    @Test
    void anAncmRouteFoldedIntoOtherRoutesKeepsThatBucketsSixtyFoursJudged() throws Exception {
        // scanner traffic fills the engine's route slots, so the module's route lands in "(other routes)" with its 64s
        StringBuilder b = new StringBuilder("#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        b.append("2026-11-24 14:00:00 /api/orders/1 200 0 0 40\n".repeat(3000));
        b.append(("2026-11-24 14:00:01 " + POLL + " 502 3 1236 197437\n").repeat(100));
        for (int k = 0; k < 3000; k++) {
            b.append(String.format("2026-11-24 14:00:02 /x%dy/wp-login.php 404 0 2 12%n", k));
        }
        b.append("2026-11-24 14:00:03 /exports/status 502 3 64 3\n".repeat(40));
        Path log = java.nio.file.Files.createDirectories(dir.resolve("W3SVC1")).resolve("u_ex261124.log");
        java.nio.file.Files.writeString(log, b);
        Path freb = java.nio.file.Files.createDirectories(dir.resolve("FailedReqLogFiles/W3SVC1"));
        java.nio.file.Files.copy(Path.of("src/test/resources/freb/producers/ancm-connect-12029.xml"), freb.resolve("fr000001.xml"));
        io.arr502.core.log.LogSummary logs = io.arr502.core.log.LogEngine.analyze(io.arr502.core.log.LogRequest.of(java.util.List.of(log),
                io.arr502.core.log.Window.all()));
        assertThat(logs.routes()).extracting(io.arr502.core.log.RouteStats::route).contains(POLL, io.arr502.core.log.RouteStats.OTHER_ROUTES)
                .doesNotContain("/exports/status");

        JudgedRate r = JudgedRate.of(logs, io.arr502.core.freb.FrebReader.read(freb, null, null), false);
        assertThat(r.clientAborts()).isEqualTo(100);
        assertThat(r.count()).isEqualTo(40);
        assertThat(JudgedRate.of(logs, null, false).clientAborts()).as("without FREB the 64s look like aborts").isEqualTo(140);
    }

    @Test
    void theBaselineComparesTheJudgedRateSoAbortsRaiseNoRegression() throws Exception {
        // last week: 2 of 20,000 judged; a clean day now with 200 aborts is no rise, the same aborts judged are one
        Baseline lastWeek = new Baseline(20_000, 2, "last week");
        Verdict v = healthyDayWithLongPollAborts(24).judge(dir.resolve("a"), VerdictOptions.defaults(),
                DiagnosisOptions.defaults().withBaseline(lastWeek));
        assertThat(v.state()).isEqualTo(State.OK);
        assertThat(v.diagnosis().regression().regression()).isFalse();
        assertThat(v.diagnosis().regression().current502_3()).isZero();
        assertThat(v.diagnosis().findings()).extracting(Finding::cause).doesNotContain(Cause.RISING_502_3);
        assertThat(perf(v, "rate_vs_baseline")).startsWith("'rate_vs_baseline'=0;");

        Verdict judged = healthyDayWithLongPollAborts(24).judge(dir.resolve("b"), judging(),
                DiagnosisOptions.defaults().withBaseline(lastWeek).withClientAbortsJudged(true));
        assertThat(judged.diagnosis().regression().regression()).isTrue();
        assertThat(judged.diagnosis().findings()).extracting(Finding::cause).contains(Cause.RISING_502_3);
    }
}
