package io.arr502.core.diagnosis;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.config.ConfigReader;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.freb.FrebReader;
import io.arr502.core.remediation.RemediationPlan;
import io.arr502.core.remediation.RemediationPlanner;
import io.arr502.core.verdict.JsonOutput;
import io.arr502.core.verdict.VerdictBuilder;
import io.arr502.core.verdict.VerdictOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad server of three, known by construction: the incident's applicationHost.config with a third server added,
 * the incident's real-shaped 12029 trace (fr000004, routed to app02) copied nine times and its 12002 trace (app01) once,
 * and ARR per-server counters in the shape Get-Arr502Counters.ps1 writes (lower-case paths, farm\server instances).
 */
class BackendServerTest {
    static final Path INCIDENT = Path.of("../samples/incident");

    @TempDir
    Path dir;

    private Evidence evidence(boolean withConfig, boolean threeEnabled) throws Exception {
        Path dir = Files.createTempDirectory(this.dir, "case");
        Evidence logs = new Scenario().lines(300, "/api/orders/51077", 200, 0, 0, 40).lines(30, "/api/orders/51077", 502, 3, 12029, 20).evidence(dir);
        Path freb = Files.createDirectories(dir.resolve("FailedReqLogFiles/W3SVC1"));
        for (int i = 1; i <= 9; i++) {
            Files.copy(INCIDENT.resolve("FailedReqLogFiles/W3SVC1/fr000004.xml"), freb.resolve(String.format("fr%06d.xml", i)));
        }
        Files.copy(INCIDENT.resolve("FailedReqLogFiles/W3SVC1/fr000001.xml"), freb.resolve("fr000010.xml"));
        String cfg = Files.readString(INCIDENT.resolve("config/applicationHost.config")).replace(
                "            <applicationRequestRouting>\n                <healthCheck",
                "            <server address=\"app03.contoso.local\" enabled=\"" + threeEnabled + "\">\n"
                        + "                <applicationRequestRouting httpsPort=\"443\" />\n            </server>\n"
                        + "            <applicationRequestRouting>\n                <healthCheck");
        if (!threeEnabled) {
            cfg = cfg.replace("<server address=\"app01.contoso.local\" enabled=\"true\">", "<server address=\"app01.contoso.local\" enabled=\"false\">");
        }
        Path cfgFile = dir.resolve("applicationHost.config");
        Files.writeString(cfgFile, cfg);
        List<CollectedEvidence.CounterSample> counters = new ArrayList<>();
        long[][] failed = {{10, 10}, {400, 457}, {3, 3}};
        for (int s = 0; s < 3; s++) {
            for (int t = 0; t < 2; t++) {
                String inst = "appfarm\\app0" + (s + 1) + ".contoso.local";
                Instant at = Instant.parse("2026-11-24T14:45:50Z").plusSeconds(2L * t);
                counters.add(new CollectedEvidence.CounterSample("\\application request routing server(" + inst + ")\\failed requests", inst, failed[s][t], at));
                counters.add(new CollectedEvidence.CounterSample("\\application request routing server(" + inst + ")\\health", inst, s == 1 ? 0 : 1, at));
            }
        }
        CollectedEvidence c = new CollectedEvidence("ARR01", Instant.parse("2026-11-24T14:46:05Z"), List.of(), List.of(), counters, null, List.of(),
                List.of(), Map.of(), List.of());
        return new Evidence(logs.logs(), FrebReader.read(freb, null, null), withConfig ? ConfigReader.read(cfgFile) : null, List.of(), c, List.of());
    }

    @Test
    void oneBadServerOfThreeIsNamedWithItsNumbersAndGetsADrainPlanWithRollback() throws Exception {
        Evidence ev = evidence(true, true);
        Diagnosis d = Diagnoser.diagnose(ev, DiagnosisOptions.defaults());

        assertThat(d.servers()).first().satisfies(s -> {
            assertThat(s.server()).isEqualTo("app02.contoso.local");
            assertThat(s.failedTraces()).isEqualTo(9);
            assertThat(s.topWin32()).isEqualTo(12029);
            assertThat(s.failedRequests()).isEqualTo(457);
            assertThat(s.failedRequestsRise()).isEqualTo(57);
            assertThat(s.health()).isEqualTo(0.0);
        });
        Finding f = d.findings().stream().filter(x -> x.cause() == Cause.BACKEND_SERVER_FAILING).findFirst().orElseThrow();
        assertThat(f.headline()).isEqualTo("app02.contoso.local carries 9 of 10 traced 502.3 in farm appFarm (3 server(s))");
        assertThat(f.evidence()).contains(
                "appFarm\\app02.contoso.local: 9 × 502.3 trace(s) (mostly win32 12029), ARR Failed Requests 457 (+57 while collected), ARR Health 0");

        RemediationPlan drain = RemediationPlanner.plan(d, ev).stream().filter(p -> p.cause() == Cause.BACKEND_SERVER_FAILING).findFirst().orElseThrow();
        // a backup first, then the change; runnable as printed (the full appcmd path) and by --apply (argv)
        assertThat(drain.fix()).extracting(s -> s.argv()).containsExactly(List.of("add", "backup", drain.backup()),
                List.of("set", "config", "-section:webFarms", "/[name='appFarm'].[address='app02.contoso.local'].enabled:false", "/commit:apphost"));
        assertThat(drain.fix().get(1).display()).isEqualTo("%windir%\\system32\\inetsrv\\appcmd.exe set config -section:webFarms "
                + "\"/[name='appFarm'].[address='app02.contoso.local'].enabled:false\" /commit:apphost");
        assertThat(drain.rollback()).extracting(s -> s.display()).containsExactly(
                "%windir%\\system32\\inetsrv\\appcmd.exe set config -section:webFarms \"/[name='appFarm'].[address='app02.contoso.local'].enabled:true\" /commit:apphost");

        io.arr502.core.verdict.Verdict v = VerdictBuilder.build(ev, VerdictOptions.defaults(), d, List.of(drain));
        String json = JsonOutput.render(v);
        assertThat(v.longOutput()).contains("backend server appFarm\\app02.contoso.local: 9 × 502.3 trace(s) (mostly win32 12029), "
                + "ARR Failed Requests 457 (+57 while collected), ARR Health 0");
        assertThat(json).contains("\"servers\"").contains("\"server\" : \"app02.contoso.local\"").contains("\"failedTraces\" : 9");
    }

    @Test
    void aServerNamedFromCountersSaysWhatTheCountersCover() throws Exception {
        Evidence traced = evidence(true, true);
        // without the traces, ARR's Failed Requests counters name the server; their 2 s are a snapshot, and said to be one
        Evidence ev = new Evidence(traced.logs(), null, traced.config(), List.of(), traced.collected(), List.of());
        Finding f = Diagnoser.diagnose(ev, DiagnosisOptions.defaults()).findings().stream()
                .filter(x -> x.cause() == Cause.BACKEND_SERVER_FAILING).findFirst().orElseThrow();
        assertThat(f.headline()).startsWith("app02.contoso.local carries 57 of 57 failed requests (ARR counters)");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e)
                .startsWith("from ARR's per-server Failed Requests counters during the collection (2 samples over 2 s, 14:45:50-14:45:52 (a snapshot;"));
    }

    @Test
    void noDrainCommandWithoutConfigurationOrWhenNoOtherServerIsEnabled() throws Exception {
        Evidence noConfig = evidence(false, true);
        Diagnosis d = Diagnoser.diagnose(noConfig, DiagnosisOptions.defaults());
        RemediationPlan p = RemediationPlanner.plan(d, noConfig).stream().filter(x -> x.cause() == Cause.BACKEND_SERVER_FAILING).findFirst().orElseThrow();
        assertThat(p.fix()).isEmpty();
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("Give --config"));

        Evidence alone = evidence(true, false); // app01 and app03 disabled: app02 is the farm's only enabled server
        Diagnosis d2 = Diagnoser.diagnose(alone, DiagnosisOptions.defaults());
        RemediationPlan p2 = RemediationPlanner.plan(d2, alone).stream().filter(x -> x.cause() == Cause.BACKEND_SERVER_FAILING).findFirst().orElseThrow();
        assertThat(p2.fix()).isEmpty();
        assertThat(p2.notes()).anySatisfy(n -> assertThat(n).contains("only enabled server"));
    }

    @Test
    void failuresSpreadOverTheFarmNameNoServer() throws Exception {
        Path freb = Files.createDirectories(dir.resolve("W3SVC1"));
        Files.copy(INCIDENT.resolve("FailedReqLogFiles/W3SVC1/fr000001.xml"), freb.resolve("fr000001.xml"));
        Files.copy(INCIDENT.resolve("FailedReqLogFiles/W3SVC1/fr000004.xml"), freb.resolve("fr000002.xml"));
        Evidence ev = new Evidence(null, FrebReader.read(freb, null, null), null, List.of(), null, List.of());
        Diagnosis d = Diagnoser.diagnose(ev, DiagnosisOptions.defaults());
        assertThat(d.servers()).hasSize(2);
        assertThat(d.findings()).extracting(Finding::cause).doesNotContain(Cause.BACKEND_SERVER_FAILING);
    }
}
