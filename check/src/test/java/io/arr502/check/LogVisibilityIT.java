package io.arr502.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar on logs it cannot see well: unreadable, stopped, and the raw 502.3 lines asked for with -v. */
class LogVisibilityIT {
    @TempDir
    Path tmp;

    private final CheckProcessIT jar = new CheckProcessIT();

    private Path site(String name, byte[] bytes) throws Exception {
        Path f = Files.createDirectories(tmp.resolve(name).resolve("W3SVC1")).resolve("u_ex261124.log");
        Files.write(f, bytes);
        return f.getParent();
    }

    /** Default IIS fields, 14:00:00 on: 200 healthy lines, then 5 502.3 × 12002 ending at 14:03:24. */
    private Path incident() throws Exception {
        StringBuilder b = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Fields: date time s-ip "
                + "cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n");
        for (int i = 0; i < 205; i++) {
            b.append(String.format("2026-11-24 14:%02d:%02d 10.0.0.10 GET /api/%s - 443 - 10.0.0.5 Mozilla/5.0 - %s\r\n", i / 60, i % 60,
                    i < 200 ? "orders/1" : "reports/" + i, i < 200 ? "200 0 0 15" : "502 3 12002 29990"));
        }
        return site("incident", b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aLogOfBinaryIsUnknownNotOk() throws Exception {
        byte[] junk = new byte[200 * 1024];
        new SplittableRandom(7).nextBytes(junk);
        CheckProcessIT.Run r = jar.run("logs", site("junk", junk).toString(), "--window", "all");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.first()).matches(CheckProcessIT.FIRST_LINE)
                .startsWith("ARR502 UNKNOWN - logs: no request could be read from ").endsWith("u_ex261124.log: binary data, not a W3C text log");
    }

    @Test
    void aLogThatStoppedIsNotGreenAndSilenceIsConfigurable() throws Exception {
        String logs = incident().toString();
        String[] base = {"logs", logs, "--window", "15m", "--now", "2026-11-24T17:04:00Z", "--no-state"};
        CheckProcessIT.Run r = jar.run(base);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.first()).startsWith("ARR502 WARNING - no request logged for 3 h (newest 2026-11-24T14:03:00Z)")
                .contains("'newest_request_age'=10801s;;;0");
        assertThat(jar.run(concat(base, "--silence-state", "critical")).exit()).isEqualTo(2);
        assertThat(jar.run(concat(base, "--silence", "4h")).exit()).isZero();
        assertThat(jar.run(concat(base, "--silence", "off")).exit()).isZero();
        CheckProcessIT.Run bad = jar.run(concat(base, "--silence", "soon"));
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.first()).startsWith("ARR502 UNKNOWN - bad argument: not a duration: 'soon'");
    }

    @Test
    void rawLinesWithVerboseAndInJson() throws Exception {
        String logs = incident().toString();
        CheckProcessIT.Run plain = jar.run("logs", logs, "--window", "all");
        assertThat(plain.exit()).isEqualTo(1); // 5 of 205: 2.44 %
        assertThat(plain.out()).doesNotContain("502.3 line ").contains("newest request 2026-11-24T14:03:00Z");
        CheckProcessIT.Run verbose = jar.run("logs", logs, "--window", "all", "-v");
        assertThat(verbose.out()).contains("502.3 line u_ex261124.log:208 date=2026-11-24 time=14:03:24 s-ip=10.0.0.10 cs-method=GET "
                + "cs-uri-stem=/api/reports/204 sc-status=502 sc-substatus=3 sc-win32-status=12002 time-taken=29990");
        assertThat(verbose.out().lines().filter(l -> l.startsWith("502.3 line ")).count()).isEqualTo(5);
        JsonNode json = new ObjectMapper().readTree(jar.run("logs", logs, "--window", "all", "--format", "json").out());
        assertThat(json.at("/metrics/failedExamples")).hasSize(5);
        assertThat(json.at("/metrics/failedExamples/0/lineNumber").asLong()).isEqualTo(208);
        assertThat(json.at("/metrics/failedExamples/0/fields/sc-win32-status").asText()).isEqualTo("12002");
        assertThat(json.at("/metrics/visibility/requestsRead").asLong()).isEqualTo(205);
        assertThat(json.at("/metrics/visibility/newestRequest").asText()).isEqualTo("2026-11-24T14:03:59Z");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
