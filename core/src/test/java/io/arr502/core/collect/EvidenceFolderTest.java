package io.arr502.core.collect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvidenceFolderTest {
    static final Path SAMPLE = Path.of("../samples/incident/collected");
    static final Path UGLY = Path.of("src/test/resources/collect/ps51");

    @Test
    void sampleFolderReadsEveryCollector() {
        CollectedEvidence c = EvidenceFolder.read(SAMPLE);
        assertThat(c.host()).isEqualTo("ARR01");
        assertThat(c.collectedAt()).isEqualTo(Instant.parse("2026-11-24T14:46:25Z"));
        // rebuilt on documented shapes (issue 16): a timeout incident leaves no ARR health, ANCM or WAS entry
        assertThat(c.applicationEvents()).isEmpty();
        assertThat(c.wasEvents()).isEmpty();
        assertThat(c.counters()).hasSize(30);
        assertThat(c.counters().get(0).path()).as("the English path, lower case").isEqualTo("\\web service(_total)\\current connections");
        assertThat(c.winHttpProxy().direct()).isTrue();
        assertThat(c.winHttpProxy().certain()).isTrue();
        assertThat(c.netConnections()).extracting(CollectedEvidence.NetConnectionResult::port).containsExactly(80, 443, 80, 443);
        assertThat(c.netConnections()).extracting(CollectedEvidence.NetConnectionResult::tcpTestSucceeded).containsOnly(true);
        assertThat(c.frebFiles()).hasSize(8);
        assertThat(c.configXml()).containsKeys("system.webServer/proxy", "webFarms", "system.webServer/rewrite/rules@Default Web Site");
        assertThat(c.problems()).extracting(CollectedEvidence.CollectorProblem::reason).containsExactly("counter not installed: \\ASP.NET\\Requests Rejected");
        assertThat(c.notes()).contains("counters: host language 009 (en-US), names mapped from Perflib\\009 to the host's names; 8 s sampled",
                "eventlog arr-health: not looked for, no such event provider on the host");
    }

    @Test
    void windowsPowerShell51ShapesAndBrokenCollectorsBecomeProblems() {
        CollectedEvidence c = EvidenceFolder.read(UGLY);
        // single objects where a list was expected, \/Date()\/ and offset times
        assertThat(c.collectedAt()).isEqualTo(Instant.parse("2026-11-24T14:46:25Z"));
        assertThat(c.applicationEvents()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(1763993112331L));
            assertThat(e.kind()).isEqualTo(CollectedEvidence.EventKind.ASPNET_CORE_MODULE);
        });
        assertThat(c.wasEvents()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(5011);
            assertThat(e.kind()).isEqualTo(CollectedEvidence.EventKind.WAS_POOL_FAILURE);
            assertThat(e.time()).isEqualTo(Instant.parse("2026-11-24T13:19:40Z"));
        });
        assertThat(c.counters()).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(5000.0));
        assertThat(c.problems()).extracting(CollectedEvidence.CollectorProblem::reason).containsExactlyInAnyOrder(
                "collector counters timed out after 20 s",
                "collector backends skipped: the time budget was spent",
                "config.json: collector reported: appcmd not found at C:\\Windows\\system32\\inetsrv\\appcmd.exe (is IIS installed?)",
                "backends.json: arr502.backends schemaVersion 2 is not supported (this build reads 1)",
                "freb-listing.json: not JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "winhttp-proxy.json is missing");
    }

    @Test
    void utf16FromOutFileAndANullExitCodeAreReadWithAProblemLine() {
        CollectedEvidence c = EvidenceFolder.read(Path.of("src/test/resources/collect/ps51-utf16"));
        assertThat(c.applicationEvents()).singleElement().satisfies(e -> {
            assertThat(e.message()).contains("D:\\Anwendungen\\Bestell\u00fcbersicht\\", "ErrorCode = '0x800705b4'");
            assertThat(e.kind()).isEqualTo(CollectedEvidence.EventKind.ASPNET_CORE_MODULE);
        });
        assertThat(c.collectedAt()).as("manifest with a UTF-8 BOM").isEqualTo(Instant.parse("2026-11-24T14:46:25Z"));
        assertThat(c.problems()).extracting(CollectedEvidence.CollectorProblem::reason).contains(
                "collector eventlog exit code unknown (the manifest has null); its result is unconfirmed",
                "eventlog.json: UTF-16LE with BOM (Windows PowerShell 5.1 Out-File default); read as UTF-16LE");
    }

    @Test
    void oneOemCodePageByteCostsOneCharacterNotTheCollector() {
        CollectedEvidence c = EvidenceFolder.read(Path.of("src/test/resources/collect/ps51-oem"));
        assertThat(c.applicationEvents()).singleElement().satisfies(e -> {
            assertThat(e.message()).contains("Bestell\uFFFDbersicht", "failed to start process");
            assertThat(e.id()).isEqualTo(1000);
        });
        assertThat(c.problems()).extracting(CollectedEvidence.CollectorProblem::reason).anySatisfy(r -> assertThat(r)
                .startsWith("eventlog.json: not valid UTF-8 (1 invalid byte sequence, first 0x81 at byte 432: ")
                .endsWith("read with replacement characters"));
        // what the collector could not see is a problem, not an empty answer
        assertThat(c.problems()).extracting(CollectedEvidence.CollectorProblem::reason)
                .contains("counters: access denied as NT AUTHORITY\\NETWORK SERVICE (needs Performance Monitor Users or an administrator)");
        assertThat(c.counters()).hasSize(5).allSatisfy(s -> assertThat(s.path()).isEqualTo("\\web service(_total)\\current connections"));
        assertThat(c.notes()).contains("collected as NT AUTHORITY\\NETWORK SERVICE (not an administrator)",
                "counters: host language 007 (de-DE), names mapped from Perflib\\009 to the host's names; 8 s sampled");
    }

    @Test
    void partialBackendsCopiedTracesAndAnUncertainProxyAreSaid(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("backends.json"), "{\"schema\":\"arr502.backends\",\"schemaVersion\":1,\"data\":{\"targets\":4,\"complete\":false,"
                + "\"results\":[{\"computerName\":\"app01\",\"remotePort\":8080,\"tcpTestSucceeded\":false,\"detail\":\"timed out after 3000 ms\"}]}}");
        Files.writeString(dir.resolve("winhttp-proxy.json"), "{\"schema\":\"arr502.winhttp-proxy\",\"schemaVersion\":1,\"data\":{\"direct\":true,"
                + "\"source\":\"netsh-text\",\"certain\":false,\"arr\":{\"read\":true,\"proxy\":\"proxy.contoso.local:8080\",\"proxyBypass\":\"\"}}}");
        Files.createDirectories(dir.resolve("FailedReqLogFiles/W3SVC1"));
        CollectedEvidence c = EvidenceFolder.read(dir);
        assertThat(c.netConnections()).singleElement().satisfies(n -> assertThat(n.port()).isEqualTo(8080));
        assertThat(c.winHttpProxy().arrProxy()).isEqualTo("proxy.contoso.local:8080");
        assertThat(c.winHttpProxy().arrProxyBypass()).isNull();
        assertThat(c.frebFolder()).isEqualTo(dir.resolve("FailedReqLogFiles"));
        assertThat(c.problems()).extracting(CollectedEvidence.CollectorProblem::reason).contains(
                "backends: partial, 1 of 4 targets tested before the collector stopped",
                "WinHTTP proxy parsed from netsh text (netsh-text): uncertain on a non-English host");
    }

    @Test
    void anUnmappedCounterKeepsItsLocalPathAndAManifestWithoutExitCodeIsUnconfirmed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("counters.json"), "{\"schema\":\"arr502.counters\",\"schemaVersion\":1,\"data\":{\"samples\":["
                + "{\"path\":null,\"localPath\":\"\\\\\\\\arr01\\\\x(_total)\\\\y\",\"instance\":\"_total\",\"value\":3}]}}");
        Files.writeString(dir.resolve("manifest.json"), "{\"schema\":\"arr502.manifest\",\"schemaVersion\":1,\"data\":{\"collectors\":["
                + "{\"collector\":\"counters\",\"durationMs\":900,\"timedOut\":false}]}}");
        CollectedEvidence c = EvidenceFolder.read(dir);
        assertThat(c.counters()).singleElement().satisfies(s -> assertThat(s.path()).isEqualTo("\\x(_total)\\y"));
        assertThat(c.problems()).extracting(CollectedEvidence.CollectorProblem::reason)
                .contains("collector counters exit code unknown (the manifest has none); its result is unconfirmed");
    }

    @Test
    void arrHealthEventsAreKnownByIdOnTheProviderTheCollectorFound() {
        // ARR's provider name is undocumented: any name the collector matched ("Request Routing", "ARR") with 1000/1002
        assertThat(new CollectedEvidence.EventLogEntry(null, 1000, "Application Request Routing", "3", "Application", "").kind())
                .isEqualTo(CollectedEvidence.EventKind.ARR_SERVER_UNHEALTHY);
        assertThat(new CollectedEvidence.EventLogEntry(null, 1002, "IIS ARR", "3", "Application", "").kind())
                .isEqualTo(CollectedEvidence.EventKind.ARR_FARM_MIN_SERVERS);
        assertThat(new CollectedEvidence.EventLogEntry(null, 1001, "Application Request Routing", "3", "Application", "").kind())
                .as("no documented 1001").isEqualTo(CollectedEvidence.EventKind.OTHER);
        assertThat(new CollectedEvidence.EventLogEntry(null, 1000, "Application Error", "2", "Application", "").kind())
                .isEqualTo(CollectedEvidence.EventKind.OTHER);
        assertThat(new CollectedEvidence.EventLogEntry(null, 1000, "Array Manager", "2", "Application", "").kind())
                .as("'ARR' as a word, not inside 'Array'").isEqualTo(CollectedEvidence.EventKind.OTHER);
    }

    @Test
    void schemaMismatchIsNamed() {
        assertThatThrownBy(() -> CollectorJson.parse("{\"schema\":\"arr502.counters\",\"schemaVersion\":1,\"data\":{}}", "eventlog"))
                .isInstanceOf(CollectorFormatException.class).hasMessage("schema is 'arr502.counters', expected 'arr502.eventlog'");
        assertThatThrownBy(() -> CollectorJson.parse("[1,2]", "eventlog")).hasMessage("not a collector document (expected a JSON object)");
    }
}
