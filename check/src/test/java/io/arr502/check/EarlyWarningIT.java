package io.arr502.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar as Nagios runs it: the noise floor and the early-warning thresholds (issue 16) and their options. */
class EarlyWarningIT {
    static final Path CONFIG = Path.of("../samples/incident/config/applicationHost.config");

    @TempDir
    Path tmp;

    private final CheckProcessIT jar = new CheckProcessIT();

    /** {@code n} requests a second apart from 14:00:00, time-taken cycling through {@code takes}. */
    private static void lines(StringBuilder b, int from, int n, String uri, String status, long... takes) {
        for (int i = 0; i < n; i++) {
            int s = from + i;
            b.append(String.format("2026-11-24 %02d:%02d:%02d %s %s %d%n", 14 + s / 3600, s / 60 % 60, s % 60, uri, status, takes[i % takes.length]));
        }
    }

    private Path logs(StringBuilder body) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("W3SVC1"));
        Files.writeString(dir.resolve("u_ex261124.log"), "#Software: Microsoft Internet Information Services 10.0\n"
                + "#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n" + body);
        return dir;
    }

    @Test
    void aRouteNearItsTimeoutWarnsWithItsOwnThresholdsBeforeAnyError() throws Exception {
        StringBuilder b = new StringBuilder();
        lines(b, 0, 400, "/api/orders/1", "200 0 0", 40, 60, 80);
        lines(b, 400, 200, "/api/reports/7", "200 0 0", 9_000, 15_000, 27_500);
        String dir = logs(b).toString();
        CheckProcessIT.Run r = jar.run("triage", "--logs", dir, "--config", CONFIG.toString(), "--window", "all", "--no-state");
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.first()).contains("502.3 rate 0% (0 of 600 requests", "early warning TIMEOUT_HEADROOM: /api/reports/{id}: successful p99 27,",
                "'headroom'=8.").endsWith("%;20:;;;100");
        CheckProcessIT.Run crit = jar.run("triage", "--logs", dir, "--config", CONFIG.toString(), "--window", "all", "--no-state",
                "--headroom-critical", "10");
        assertThat(crit.exit()).as(crit.out()).isEqualTo(2);
        assertThat(crit.first()).endsWith("%;20:;10:;;100");
        CheckProcessIT.Run relaxed = jar.run("triage", "--logs", dir, "--config", CONFIG.toString(), "--window", "all", "--no-state",
                "--headroom-warning", "5");
        assertThat(relaxed.exit()).as(relaxed.out()).isZero();
    }

    @Test
    void aStrayErrorIsHealthyByDefaultAndACauseOnlyWhenTheFloorIsLowered() throws Exception {
        StringBuilder b = new StringBuilder();
        lines(b, 0, 6_000, "/api/orders/1", "200 0 0", 40, 60, 80);
        lines(b, 6_000, 1, "/api/orders/1", "502 3 12031", 15);
        String dir = logs(b).toString();
        CheckProcessIT.Run r = jar.run("triage", "--logs", dir, "--window", "all", "--no-state", "-v");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.first()).contains("HEALTHY: 1 isolated failure below the noise floor (502.3/12031 ×1)").doesNotContain("CONNECTION_RESET");
        assertThat(r.out()).contains("below the noise floor: CONNECTION_RESET: 1 requests lost their backend connection");
        CheckProcessIT.Run low = jar.run("triage", "--logs", dir, "--window", "all", "--no-state", "--noise-min-count", "1");
        assertThat(low.first()).contains("cause CONNECTION_RESET");
    }

    @Test
    void aBadThresholdIsUnknownWithAReason() throws Exception {
        StringBuilder b = new StringBuilder();
        lines(b, 0, 100, "/", "200 0 0", 40);
        String dir = logs(b).toString();
        assertThat(jar.run("triage", "--logs", dir, "--no-state", "--rise-warning", "0.5").first())
                .isEqualTo("ARR502 UNKNOWN - bad argument: --rise-warning must be a factor of at least 1, not 0.5");
        CheckProcessIT.Run r = jar.run("triage", "--logs", dir, "--no-state", "--headroom-warning", "120");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.first()).isEqualTo("ARR502 UNKNOWN - bad argument: headroom thresholds are percent of the timeout, 0 to 100");
    }
}
