package io.arr502.core.verdict;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.collect.EvidenceFolder;
import io.arr502.core.diagnosis.Diagnoser;
import io.arr502.core.diagnosis.DiagnosisOptions;
import io.arr502.core.evidence.Evidence;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the collectors saw (account, host language) is printed in the long output and JSON, never in the first line. */
class CollectorNotesTest {

    @Test
    void notesOfTheGermanFixtureAreInTheLongOutputAndJson() throws Exception {
        CollectedEvidence c = EvidenceFolder.read(Path.of("src/test/resources/collect/ps51-oem")); // collect/README.md
        assertThat(c.notes()).isNotEmpty();
        Evidence ev = new Evidence(null, null, null, List.of(), c, List.of());
        Verdict v = VerdictBuilder.build(ev, VerdictOptions.defaults(), Diagnoser.diagnose(ev, DiagnosisOptions.defaults()), List.of());
        String firstNote = "collector note: " + c.notes().get(0);
        assertThat(v.longOutput()).contains(firstNote);
        assertThat(v.summary()).doesNotContain("collector note");
        assertThat(TextOutput.render(v)).contains("collected as NT AUTHORITY\\NETWORK SERVICE (not an administrator)");
        List<String> nagios = NagiosOutput.render(v).lines().toList();
        assertThat(nagios.get(0)).doesNotContain("collector note");
        assertThat(nagios).anySatisfy(l -> assertThat(l).startsWith("collector note: "));
        assertThat(JsonOutput.tree(v).get("longOutput").toString()).contains("not an administrator");
    }
}
