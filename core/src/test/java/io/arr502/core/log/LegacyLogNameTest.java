package io.arr502.core.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** With logInUTF8=false IIS names its logs ex*.log instead of u_ex*.log (iis-arr-reference.md): a folder of them is read. */
class LegacyLogNameTest {
    @TempDir
    Path dir;

    @Test
    void exLogsInAFolderAreReadInTimeOrderBesideUExLogs() throws Exception {
        Path site = Files.createDirectories(dir.resolve("W3SVC1"));
        String header = "#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\r\n";
        Files.writeString(site.resolve("ex261123.log"), header + "2026-11-23 14:00:01 /a 502 3 12002 29990\r\n");
        Files.writeString(site.resolve("u_ex261124.log"), header + "2026-11-24 14:00:01 /a 200 0 0 10\r\n");
        Files.writeString(site.resolve("extend2.log"), header + "2026-11-25 14:00:01 /a 200 0 0 10\r\n");
        LogSummary s = LogEngine.analyze(LogRequest.of(List.of(dir), Window.all()));
        assertThat(s.requests()).isEqualTo(3);
        assertThat(s.count502_3()).isEqualTo(1);
        assertThat(LogFiles.expand(List.of(dir))).extracting(p -> p.getFileName().toString())
                .containsExactly("ex261123.log", "u_ex261124.log", "extend2.log");
    }
}
