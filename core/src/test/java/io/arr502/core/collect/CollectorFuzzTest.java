package io.arr502.core.collect;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the collectors print is input from a host we do not control (issue 19: one overflowing
 * {@code \/Date(…)\/} once made the whole triage a bad argument). No document may make the reader throw
 * anything but {@link CollectorFormatException}, and no collected folder may make {@link EvidenceFolder#read}
 * throw at all. The normal build runs the seeds (the sample incident's collected files); fuzz for real with
 * {@code JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest=CollectorFuzzTest}.
 */
class CollectorFuzzTest {
    static final List<String> FILES = List.of("manifest", "eventlog", "counters", "backends", "config", "freb-listing", "winhttp-proxy");

    @FuzzTest(maxDuration = "10s")
    void collectorJsonFailsOnlyAsAFormatProblem(FuzzedDataProvider data) {
        String schema = data.pickValue(FILES);
        String text = data.consumeRemainingAsString();
        try {
            CollectorJson.Document d = CollectorJson.parse(text, schema);
            assertThat(d.schema()).isEqualTo(schema);
            CollectorJson.events(d.data().path("application"));
            CollectorJson.counters(d.data().path("samples"));
            CollectorJson.counterLanguage(d.data());
        } catch (CollectorFormatException expected) {
            assertThat(expected.getMessage()).doesNotContain("\n");
        }
    }

    @FuzzTest(maxDuration = "10s")
    void anEvidenceFolderIsAlwaysRead(FuzzedDataProvider data) throws Exception {
        String name = data.pickValue(FILES) + ".json";
        byte[] body = data.consumeRemainingAsBytes();
        Path dir = Files.createTempDirectory("fuzz-collected");
        try {
            Files.write(dir.resolve(name), body);
            CollectedEvidence e = EvidenceFolder.read(dir);
            assertThat(e).isNotNull();
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.reason()).isNotNull());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
