package io.arr502.core.diagnosis;

import io.arr502.core.evidence.Evidence;
import io.arr502.core.freb.FrebReader;
import io.arr502.core.remediation.RemediationPlan;
import io.arr502.core.remediation.RemediationPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenarios known by construction (issue 17): a real W3C log written by {@link Scenario} plus FREB traces from
 * src/test/resources/freb (sources in producers/README.md) copied into a FailedReqLogFiles folder.
 */
class ProducerAndPhaseTest {
    static final Path FREB = Path.of("src/test/resources/freb/producers");
    static final Path INCIDENT = Path.of("../samples/incident/FailedReqLogFiles/W3SVC1");

    @TempDir
    Path dir;

    private Evidence evidence(Scenario s, Path... traces) throws Exception {
        Evidence logs = s.evidence(dir);
        Path folder = Files.createDirectories(dir.resolve("FailedReqLogFiles/W3SVC1"));
        int n = 1;
        for (Path t : traces) {
            Files.copy(t, folder.resolve(String.format("fr%06d.xml", n++)));
        }
        return new Evidence(logs.logs(), FrebReader.read(folder, null, null), null, List.of(), null, List.of());
    }

    private static List<String> displays(List<RemediationPlan> plans) {
        return plans.stream().flatMap(p -> p.fix().stream()).map(s -> s.display()).toList();
    }

    @Test
    void anAncmTimeoutBehindAHealthyArrFarmIsTheModulesTimeoutNotAnArrFarmChange() throws Exception {
        Path t = FREB.resolve("ancm-timeout-12002.xml");
        Evidence ev = evidence(new Scenario().lines(400, "/api/orders/51077", 200, 0, 0, 40)
                .lines(30, "/exports/run/8812", 502, 3, 12002, 120_040), t, t, t);
        Diagnosis d = Diagnoser.diagnose(ev, DiagnosisOptions.defaults());

        assertThat(d.top().cause()).isEqualTo(Cause.ANCM_REQUEST_TIMEOUT);
        assertThat(d.top().headline()).contains("30 requests").contains("ASP.NET Core Module");
        assertThat(d.top().evidence()).anySatisfy(l -> assertThat(l).contains("3 of 3 502.3 trace(s) were set by AspNetCoreModule"))
                .anySatisfy(l -> assertThat(l).contains("aspNetCore@requestTimeout"));
        assertThat(d.findings()).extracting(Finding::cause).doesNotContain(Cause.ARR_TIMEOUT_TOO_LOW, Cause.BACKEND_STALL);

        List<RemediationPlan> plans = RemediationPlanner.plan(d, ev);
        assertThat(plans).extracting(RemediationPlan::cause).containsExactly(Cause.ANCM_REQUEST_TIMEOUT);
        assertThat(plans.get(0).notes()).anySatisfy(n -> assertThat(n).contains("aspNetCore@requestTimeout"));
        assertThat(displays(plans)).containsExactly("%windir%\\system32\\inetsrv\\appcmd.exe list site /id:1").noneMatch(s -> s.contains("webFarms"));
    }

    @Test
    void theModulesConnectionErrorsAreNotAnArrBackendOutage() throws Exception {
        Path t = FREB.resolve("ancm-connect-12029.xml");
        Evidence ev = evidence(new Scenario().lines(400, "/api/orders/51077", 200, 0, 0, 40)
                .lines(20, "/exports/status", 502, 3, 12029, 2), t, t);
        Diagnosis d = Diagnoser.diagnose(ev, DiagnosisOptions.defaults());
        assertThat(d.top().cause()).isEqualTo(Cause.ANCM_CONNECTION_FAILURE);
        assertThat(d.findings()).extracting(Finding::cause).doesNotContain(Cause.BACKEND_UNREACHABLE);
    }

    @Test
    void aConnectTimeoutIsReachabilityAndOnlyTheResponseTimeoutGetsALongerTimeout() throws Exception {
        Path connect = FREB.resolve("arr-connect-timeout-12002.xml");
        Path response = INCIDENT.resolve("fr000001.xml");
        Evidence ev = evidence(new Scenario().lines(300, "/a", 200, 0, 0, 30)
                .lines(40, "/api/orders/51077", 502, 3, 12002, 30_021)
                .lines(40, "/api/reports/9", 502, 3, 12002, 29_950), connect, connect, response, response);
        Diagnosis d = Diagnoser.diagnose(ev, DiagnosisOptions.defaults());

        Finding connectTimeout = d.findings().stream().filter(f -> f.cause() == Cause.BACKEND_CONNECT_TIMEOUT).findFirst().orElseThrow();
        assertThat(connectTimeout.headline()).contains("40 request(s)").contains("app02.contoso.local");
        assertThat(connectTimeout.evidence()).anySatisfy(l -> assertThat(l).contains("ARR_REQUEST_HEADERS_START open and no END"));
        Finding tooLow = d.findings().stream().filter(f -> f.cause() == Cause.ARR_TIMEOUT_TOO_LOW).findFirst().orElseThrow();
        assertThat(tooLow.headline()).contains("/api/reports/{id}").contains("40 × 12002").doesNotContain("/api/orders");

        List<RemediationPlan> plans = RemediationPlanner.plan(d, ev);
        assertThat(plans.stream().filter(p -> p.cause() == Cause.ARR_TIMEOUT_TOO_LOW))
                .allSatisfy(p -> assertThat(p.title()).doesNotContain("/api/orders"))
                .anySatisfy(p -> assertThat(p.title()).contains("/api/reports/{id}"));
        RemediationPlan reach = plans.stream().filter(p -> p.cause() == Cause.BACKEND_CONNECT_TIMEOUT).findFirst().orElseThrow();
        assertThat(reach.fix()).extracting(s -> s.display()).contains("Test-NetConnection -ComputerName app02.contoso.local -Port 443");
        assertThat(reach.fix()).allSatisfy(s -> assertThat(s.argv()).isEmpty());
    }

    @Test
    void withoutLogsTheTracesAloneStillTellProducerAndPhase() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("W3SVC1"));
        Files.copy(FREB.resolve("ancm-timeout-12002.xml"), folder.resolve("fr000001.xml"));
        Files.copy(FREB.resolve("arr-connect-timeout-12002.xml"), folder.resolve("fr000002.xml"));
        Evidence ev = new Evidence(null, FrebReader.read(folder, null, null), null, List.of(), null, List.of());
        Diagnosis d = Diagnoser.diagnose(ev, DiagnosisOptions.defaults());
        assertThat(d.findings()).extracting(Finding::cause)
                .contains(Cause.ANCM_REQUEST_TIMEOUT, Cause.BACKEND_CONNECT_TIMEOUT).doesNotContain(Cause.ARR_TIMEOUT_TOO_LOW);
    }
}
