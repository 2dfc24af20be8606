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

/**
 * The collectors run on the ARR front end and every document names its computer ("host"): the verdict says which host the
 * evidence came from, and a folder whose documents name different hosts is a problem, not one host's picture.
 */
class EvidenceHostTest {

    private static Verdict verdict(CollectedEvidence c) {
        Evidence ev = new Evidence(null, null, null, List.of(), c, List.of());
        return VerdictBuilder.build(ev, VerdictOptions.defaults(), Diagnoser.diagnose(ev, DiagnosisOptions.defaults()), List.of());
    }

    @Test
    void theSampleIncidentNamesItsHostInLongOutputJsonAndReport() {
        CollectedEvidence c = EvidenceFolder.read(Path.of("../samples/incident/collected"));
        assertThat(c.host()).isEqualTo("ARR01");
        assertThat(c.problems()).extracting(CollectedEvidence.CollectorProblem::reason).noneSatisfy(r -> assertThat(r).contains("several hosts"));
        Verdict v = verdict(c);
        String line = "evidence from host ARR01 (collected 2026-11-24T14:46:25Z)";
        assertThat(v.longOutput()).contains(line);
        assertThat(v.summary()).doesNotContain("ARR01");
        assertThat(TextOutput.render(v)).contains(line); // the Jenkins report is this text
        assertThat(JsonOutput.tree(v).get("longOutput").toString()).contains(line);
    }

    @Test
    void documentsFromTwoHostsAreAProblemAndADocumentWithoutHostStillReads() {
        // collect/mixed-hosts: the sample's manifest and eventlog (ARR01), its counters re-tagged ARR02, winhttp-proxy without host
        CollectedEvidence c = EvidenceFolder.read(Path.of("src/test/resources/collect/mixed-hosts"));
        assertThat(c.host()).isEqualTo("ARR01");
        assertThat(c.counters()).isNotEmpty();
        assertThat(c.winHttpProxy()).isNotNull();
        assertThat(c.problems()).containsOnlyOnce(new CollectedEvidence.CollectorProblem("evidence", "evidence mixed from several hosts: "
                + "ARR01 (manifest, eventlog); ARR02 (counters); front-end counters, events and settings of one host do not describe another"));
        assertThat(c.problems()).extracting(CollectedEvidence.CollectorProblem::collector).doesNotContain("winhttp-proxy");
    }
}
