package io.arr502.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation by rename (an admin or a log shipper moves u_extend1.log to u_extend0.log and IIS
 * starts a new file): the moved file has the same first bytes, so its counted lines must not be
 * counted again under the new name.
 */
class RenamedLogTest {
    @TempDir
    Path dir;

    private static final String HEADER = "#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n";

    private static String line(int minute, int second, int status, int sub) {
        return String.format("2026-11-24 14:%02d:%02d /api/reports/4711 %d %d %d %d%n", minute, second, status, sub,
                status == 502 ? 12002 : 0, status == 502 ? 29_950 : 40);
    }

    @Test
    void aRenamedFileContinuesAtItsOffset() throws Exception {
        Path site = Files.createDirectories(dir.resolve("W3SVC1"));
        Path state = dir.resolve("st/state.json");
        LogRequest req = LogRequest.of(List.of(dir), Window.all()).withState(state);
        Path a = site.resolve("u_extend1.log");
        Files.writeString(a, HEADER + line(0, 1, 200, 0) + line(0, 2, 502, 3));
        assertThat(LogEngine.analyze(req).requests()).isEqualTo(2);

        Files.writeString(a, line(1, 0, 502, 3), StandardOpenOption.APPEND);
        Files.move(a, site.resolve("u_extend0.log"));
        Files.writeString(site.resolve("u_extend2.log"), HEADER + line(2, 0, 200, 0));

        LogSummary s = LogEngine.analyze(req);
        assertThat(s.requests()).as("2 old + 1 appended before the rename + 1 in the new file").isEqualTo(4);
        assertThat(s.count502_3()).isEqualTo(2);
    }
}
