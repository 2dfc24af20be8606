package io.arr502.core.collect;

import io.arr502.core.evidence.Evidence;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The traces Collect-All.ps1 copies into its folder reach the FREB reader when only --evidence (or collect) is given. */
class CopiedTracesTest {

    @Test
    void anEvidenceFolderWithCopiedTracesFeedsTheFrebReader(@TempDir Path dir) throws Exception {
        Path copies = Files.createDirectories(dir.resolve("FailedReqLogFiles/W3SVC1"));
        try (Stream<Path> s = Files.list(Path.of("../samples/incident/FailedReqLogFiles/W3SVC1"))) {
            for (Path f : s.filter(p -> p.getFileName().toString().startsWith("fr")).toList()) {
                Files.copy(f, copies.resolve(f.getFileName()));
            }
        }
        Files.copy(Path.of("../samples/incident/collected/manifest.json"), dir.resolve("manifest.json"));

        Evidence ev = Triage.gather(new TriageRequest(List.of(), null, null, null, null, null, List.of(), null, dir, null, null));
        assertThat(ev.collected().frebFolder()).isEqualTo(dir.resolve("FailedReqLogFiles"));
        assertThat(ev.freb()).as("read from the copies, no --freb given").isNotNull();
        assertThat(ev.freb().traces()).hasSize(8);

        Files.walk(dir.resolve("FailedReqLogFiles")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        assertThat(Triage.gather(new TriageRequest(List.of(), null, null, null, null, null, List.of(), null, dir, null, null)).freb())
                .as("no copies, no FREB evidence").isNull();
    }
}
