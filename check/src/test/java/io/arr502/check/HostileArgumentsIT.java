package io.arr502.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 19's "wrong states, hangs, noise", each through the packaged jar as a real process: a bad argument is
 * UNKNOWN with one line and exit 3, never a switched-off deadline, an internal error, a split first line,
 * stderr noise or an answer about the wrong folder.
 */
class HostileArgumentsIT {
    static final Path JAR = Path.of("target/check_arr502.jar").toAbsolutePath();
    static final Path SAMPLE = Path.of("../samples/incident").toAbsolutePath();

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
        String first() {
            return out.lines().findFirst().orElse("");
        }
    }

    Run run(String... args) throws Exception {
        return runAs(null, args);
    }

    Run runAs(String user, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (user != null) {
            cmd.addAll(List.of("runuser", "-u", user, "--"));
        }
        cmd.addAll(List.of(System.getProperty("java.home") + "/bin/java", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().put("ARR502_STATE_DIR", tmp.resolve("state").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    private Path log(String body) throws Exception {
        Path f = Files.createDirectories(tmp.resolve("W3SVC1")).resolve("u_ex261124.log");
        Files.writeString(f, "#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n" + body);
        return f;
    }

    private static void assertBadArgument(Run r, String says) {
        assertThat(r.exit()).as(r.out()).isEqualTo(3);
        assertThat(r.first()).startsWith("ARR502 UNKNOWN - bad argument").contains(says);
        assertThat(r.out()).as("one line").hasLineCount(1);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aTimeoutOfZeroOrLessIsRefusedNotTurnedOff() throws Exception {
        Path fifo = Files.createDirectories(tmp.resolve("W3SVC9")).resolve("u_ex261124.log");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        for (String t : List.of("0", "-1")) {
            assertBadArgument(run("logs", fifo.toString(), "--window", "all", "-t", t), "-t must be at least 1 second, not " + t);
        }
    }

    @Test
    void emptyPathsAndWindowsAreRefused() throws Exception {
        Path f = log(CheckProcessIT.lines(30, "/a", "200 0 0 15"));
        assertBadArgument(run("logs", ""), "empty path");
        assertBadArgument(run("triage", "--logs", ""), "empty path");
        assertBadArgument(run("logs", f.toString(), "--state-dir", ""), "empty path");
        assertBadArgument(run("logs", f.toString(), "--window", ""), "--window needs a length");
    }

    @Test
    void windowsTheStateCannotHonourAreRefusedCleanly() throws Exception {
        Path f = log(CheckProcessIT.lines(30, "/a", "200 0 0 15"));
        assertBadArgument(run("logs", f.toString(), "--window", "9223372036854775807d"), "duration too long");
        assertBadArgument(run("logs", f.toString(), "--window", "30s"), "--window must be whole minutes");
        assertBadArgument(run("logs", f.toString(), "--window", "90s"), "--window must be whole minutes");
        assertThat(run("logs", f.toString(), "--window", "120s", "--now", "2026-11-24T14:01:00Z").exit()).isZero();
    }

    @Test
    void thresholdsAreStrictAndPerfdataCarriesTheParsedRange() throws Exception {
        Path f = log(CheckProcessIT.lines(200, "/a", "200 0 0 15") + CheckProcessIT.lines(4, "/b", "502 3 12002 29990"));
        for (String w : List.of("5d", "0x10p0", "1e3", "NaN", "1\n2", "1 2")) {
            Run r = run("logs", f.toString(), "--window", "all", "-w", w);
            assertThat(r.exit()).as(w).isEqualTo(3);
            assertThat(r.out()).as(w).startsWith("ARR502 UNKNOWN - bad argument: not a threshold range").hasLineCount(1);
        }
        Run r = run("logs", f.toString(), "--window", "all", "-w", "0:3", "-c", "+5.50");
        assertThat(r.exit()).isZero();
        assertThat(r.first()).contains("'rate_502_3'=1.96%;3;5.5;0;100");
    }

    @Test
    void aBrokenXmlFileLeavesNothingOnStderr() throws Exception {
        Path cfg = Files.writeString(tmp.resolve("applicationHost.config"), "this is not <xml");
        Run r = run("config", cfg.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).doesNotContain("[Fatal Error]").isEmpty();
        assertThat(r.first()).startsWith("ARR502 UNKNOWN - config: ").contains("not well-formed XML");
    }

    @Test
    void anUnknownIsSaidOnceNotRepeatedAsAnEvidenceProblem() throws Exception {
        Run r = run("logs", tmp.resolve("missing").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).hasLineCount(1).doesNotContain("evidence problem");
    }

    @Test
    void aHundredKilobyteUrlMakesNoHundredKilobyteLine() throws Exception {
        String url = "/api/" + "a".repeat(100_000);
        Path f = log(CheckProcessIT.lines(30, url, "502 3 12002 29990"));
        Run r = run("logs", f.toString(), "--window", "all");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(2000));
        assertThat(r.out()).contains("route /api/aaaa");
    }

    @Test
    void aPermissionErrorSaysSo() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser")), "needs another account");
        Path f = log(CheckProcessIT.lines(30, "/a", "200 0 0 15"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(f.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        Run r = runAs("daemon", "logs", f.getParent().toString(), "--window", "all");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.first()).contains("cannot read log file " + f + ": permission denied");
    }

    @Test
    void oneImpossibleDateInCollectedJsonDoesNotSinkTheTriage() throws Exception {
        Path ev = tmp.resolve("incident");
        try (var s = Files.walk(SAMPLE)) {
            for (Path p : s.toList()) {
                Path to = ev.resolve(SAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path listing = ev.resolve("collected/freb-listing.json");
        Files.writeString(listing, Files.readString(listing).replaceFirst("\"lastWriteTime\":\"[^\"]*\"",
                "\"lastWriteTime\":\"\\\\/Date(99999999999999999999999)\\\\/\""));
        Run r = run("triage", "--evidence", ev.toString(), "--window", "all");
        assertThat(r.first()).startsWith("ARR502 WARNING - 502.3 rate 4.75% (385 of 8098 requests, window all) - cause ARR_TIMEOUT_TOO_LOW");
    }
}
