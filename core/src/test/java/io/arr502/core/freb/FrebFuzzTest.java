package io.arr502.core.freb;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed-request traces are XML a web server wrote, read from a folder others can write. No trace may make
 * the reader throw anything but {@link FrebException}, and a folder holding one is always summarised (the bad
 * file listed as unreadable). The normal build runs the seed (a trace of the sample incident); fuzz for real
 * with {@code JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest=FrebFuzzTest}.
 */
class FrebFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void frebTraceFailsOnlyAsAFrebException(FuzzedDataProvider data) throws Exception {
        byte[] xml = data.consumeRemainingAsBytes();
        try {
            FrebTrace t = FrebReader.parse(new ByteArrayInputStream(xml), "fr000001.xml");
            assertThat(t).isNotNull();
        } catch (FrebException expected) {
            assertThat(expected.getMessage()).doesNotContain("\n");
        }
        Path dir = Files.createTempDirectory("fuzz-freb");
        try {
            Files.write(Files.createDirectories(dir.resolve("W3SVC1")).resolve("fr000001.xml"), xml);
            FrebSummary s = FrebReader.read(dir, null, null);
            assertThat(s).isNotNull();
        } catch (FrebException whole) {
            // a folder the reader refuses as a whole (no trace in it it can use) says why in one line
            assertThat(whole.getMessage()).doesNotContain("\n");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
