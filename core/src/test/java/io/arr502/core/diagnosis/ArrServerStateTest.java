package io.arr502.core.diagnosis;

import io.arr502.core.collect.EvidenceFolder;
import io.arr502.core.evidence.Evidence;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ARR's per-server State counter (iis-docs "Using performance counters" lists it, no source gives its values):
 * read from the collector's document and shown raw in the backend-server line, never turned into a meaning.
 */
class ArrServerStateTest {
    static final Path FIXTURE = Path.of("src/test/resources/collect/arr-servers");

    @Test
    void theStateCounterIsShownRawBesideHealthAndFailedRequests() {
        Evidence ev = new Evidence(null, null, null, List.of(), EvidenceFolder.read(FIXTURE), List.of());
        List<BackendServer> servers = BackendServers.of(ev);

        assertThat(servers).extracting(BackendServer::server, BackendServer::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("app02.contoso.local", 3.0), org.assertj.core.groups.Tuple.tuple("app01.contoso.local", 0.0));
        assertThat(BackendServers.line(servers.get(0))).isEqualTo("appfarm\\app02.contoso.local: 0 × 502.3 trace(s), "
                + "ARR Failed Requests 457 (+57 while collected), ARR Health 1, ARR State 3 (raw; its values are undocumented)");
    }
}
