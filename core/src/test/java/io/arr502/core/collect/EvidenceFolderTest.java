package io.arr502.core.collect;

import org.junit.jupiter.api.Test;

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
        assertThat(c.applicationEvents()).hasSize(3).first().satisfies(e -> {
            assertThat(e.id()).isEqualTo(1001);
            assertThat(e.time()).isEqualTo(Instant.parse("2026-11-24T14:05:12.331Z"));
            assertThat(e.message()).contains("0x80072ee2");
        });
        assertThat(c.wasEvents()).isEmpty();
        assertThat(c.counters()).hasSize(30);
        assertThat(c.counters().get(0).path()).as("machine name dropped, lower case").isEqualTo("\\web service(_total)\\current connections");
        assertThat(c.winHttpProxy().direct()).isTrue();
        assertThat(c.netConnections()).extracting(CollectedEvidence.NetConnectionResult::tcpTestSucceeded).containsOnly(true);
        assertThat(c.frebFiles()).hasSize(8);
        assertThat(c.configXml()).containsKeys("system.webServer/proxy", "webFarms", "system.webServer/rewrite/rules@Default Web Site");
        assertThat(c.problems()).extracting(CollectedEvidence.CollectorProblem::reason).containsExactly("counter not installed: \\ASP.NET\\Requests Rejected");
    }

    @Test
    void windowsPowerShell51ShapesAndBrokenCollectorsBecomeProblems() {
        CollectedEvidence c = EvidenceFolder.read(UGLY);
        // single objects where a list was expected, \/Date()\/ and offset times
        assertThat(c.collectedAt()).isEqualTo(Instant.parse("2026-11-24T14:46:25Z"));
        assertThat(c.applicationEvents()).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(1763993112331L)));
        assertThat(c.wasEvents()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(5011);
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
    void schemaMismatchIsNamed() {
        assertThatThrownBy(() -> CollectorJson.parse("{\"schema\":\"arr502.counters\",\"schemaVersion\":1,\"data\":{}}", "eventlog"))
                .isInstanceOf(CollectorFormatException.class).hasMessage("schema is 'arr502.counters', expected 'arr502.eventlog'");
        assertThatThrownBy(() -> CollectorJson.parse("[1,2]", "eventlog")).hasMessage("not a collector document (expected a JSON object)");
    }
}
