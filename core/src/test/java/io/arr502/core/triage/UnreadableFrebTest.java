package io.arr502.core.triage;

import io.arr502.core.diagnosis.DiagnosisOptions;
import io.arr502.core.log.Window;
import io.arr502.core.verdict.State;
import io.arr502.core.verdict.Verdict;
import io.arr502.core.verdict.VerdictOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: a FREB folder whose traces are truncated or not XML answered "OK - " with no problem listed.
 * The traces are the sample incident's own (samples/incident/FailedReqLogFiles), cut short, and a file of
 * bytes that are no XML at all.
 */
class UnreadableFrebTest {
    private static final Path SAMPLE = Path.of("..", "samples", "incident");

    @TempDir
    Path dir;

    private Path unreadableTraces() throws Exception {
        byte[] real = Files.readAllBytes(SAMPLE.resolve("FailedReqLogFiles/W3SVC1/fr000001.xml"));
        Files.write(dir.resolve("fr000001.xml"), java.util.Arrays.copyOf(real, Math.min(real.length, 700)));
        Files.write(dir.resolve("fr000002.xml"), new byte[]{(byte) 0xff, (byte) 0xfe, '<', 'x'});
        return dir;
    }

    private static Verdict triage(List<Path> logs, Path freb) throws Exception {
        return Triage.run(new TriageRequest(logs, Window.all(), null, null, freb, null, List.of(), null, null,
                VerdictOptions.defaults(), DiagnosisOptions.defaults()));
    }

    @Test
    void aFrebFolderOfUnreadableTracesAloneIsUnknownNotOk() throws Exception {
        Verdict v = triage(List.of(), unreadableTraces());

        assertThat(v.state()).isEqualTo(State.UNKNOWN);
        assertThat(v.summary()).contains("freb: no trace could be read (2 unreadable");
        assertThat(String.join("\n", v.longOutput())).contains("fr000001.xml").contains("fr000002.xml");
    }

    @Test
    void besideReadableLogsTheUnreadableTracesAreAProblemAndTheLogsAreStillJudged() throws Exception {
        Verdict v = triage(List.of(SAMPLE.resolve("logs")), unreadableTraces());

        assertThat(v.state()).isEqualTo(State.WARNING);
        assertThat(String.join("\n", v.longOutput())).contains("no trace could be read");
    }
}
