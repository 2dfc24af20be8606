package io.arr502.core.remediation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest {
    @TempDir
    Path tmp;

    @Test
    void eachLineIsInTheFileBeforeTheNextStepRuns() throws Exception {
        Path f = tmp.resolve("j/apply.log");
        List<String> out = new ArrayList<>();
        try (Journal j = Journal.open(f, out::add, Plans.CLOCK)) {
            j.add("run: one");
            assertThat(Files.readString(f)).isEqualTo("2026-11-24T15:00:00Z run: one" + System.lineSeparator());
            j.add("run: two");
            assertThat(Files.readAllLines(f)).hasSize(2);
        }
        assertThat(out).containsExactly("run: one", "run: two");
    }

    @Test
    void aSymlinkPlantedUnderTheJournalsNameIsNotFollowed() throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim"), "private\n");
        Path link = Files.createSymbolicLink(tmp.resolve("apply.log"), victim);
        assertThatThrownBy(() -> Journal.open(link, s -> { }, Plans.CLOCK)).isInstanceOf(java.io.IOException.class);
        assertThat(Files.readString(victim)).isEqualTo("private\n");
    }
}
