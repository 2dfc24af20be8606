package io.arr502.check;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
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
 * Issue 19's state folder hijack with a real second account: {@code nobody} creates the check user's state
 * folder first (0777, as in a shared {@code /var/tmp}) and plants links under the state's and lock's names to
 * a private file of the check's account, or a state of its own choosing. The packaged jar must refuse the
 * folder (UNKNOWN, exit 3, the reason in one line) and leave the private file as it was; a folder the check
 * makes for itself as an ordinary account ({@code daemon}) works run after run. Needs root (to act as the
 * other accounts) and {@code runuser}.
 */
@DisabledOnOs(OS.WINDOWS)
class StateFolderIT {
    static final Path JAR = Path.of("target/check_arr502.jar").toAbsolutePath();

    @TempDir
    Path tmp;
    Path shared;
    Path log;

    @BeforeEach
    void sharedTempLikeVarTmp() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser")),
                "acting as other accounts needs root and runuser");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
        shared = Files.createDirectory(tmp.resolve("var-tmp"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx")); // sticky bit: set below
        assertThat(new ProcessBuilder("chmod", "1777", shared.toString()).start().waitFor()).isZero();
        Path site = Files.createDirectory(shared.resolve("W3SVC1"));
        log = site.resolve("u_ex261124.log");
        StringBuilder b = new StringBuilder("#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        for (int i = 0; i < 100; i++) {
            b.append(String.format("2026-11-24 14:%02d:%02d /a %s%n", i / 60, i % 60, i % 20 == 0 ? "502 3 12002 30016" : "200 0 0 15"));
        }
        Files.writeString(log, b);
        Files.setPosixFilePermissions(site, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
    }

    record Run(int exit, String out, String err) {
    }

    /** The jar as account user (null: this one), with ARR502_STATE_DIR set. */
    private Run check(String user, Path stateDir) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (user != null) {
            cmd.addAll(List.of("runuser", "-u", user, "--"));
        }
        cmd.addAll(List.of(System.getProperty("java.home") + "/bin/java", "-jar", JAR.toString(), "logs", log.toString(),
                "--window", "15m", "--now", "2026-11-24T14:02:00Z"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(shared.toFile());
        pb.environment().put("ARR502_STATE_DIR", stateDir.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    private static void as(String user, String script) throws Exception {
        Process p = new ProcessBuilder("runuser", "-u", user, "--", "sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    /** The state file's name for this log and window, as the check computes it. */
    private String stateName() {
        CommonOptions o = new CommonOptions();
        o.window = "15m";
        o.stateDir = Path.of("/x");
        return StateFiles.forInputs(o, List.of(log), io.arr502.core.log.Window.parse("15m")).getFileName().toString();
    }

    @Test
    void aFolderAnotherAccountCreatedFirstIsRefusedAndNothingIsWrittenThroughItsLinks() throws Exception {
        Path secret = Files.writeString(tmp.resolve("root-only.conf"), "private settings\n");
        Path folder = shared.resolve("arr502-root");
        String name = stateName();
        as("nobody", "mkdir -m 777 " + folder + " && ln -s " + secret + " " + folder.resolve(name)
                + " && ln -s " + secret + " " + folder.resolve(name + ".lock"));

        Run r = check(null, folder);

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).startsWith("ARR502 UNKNOWN - logs: state folder " + folder + " refused: it belongs to nobody, not to root");
        assertThat(r.out().lines().findFirst().orElse("")).doesNotContain("|");
        assertThat(r.err()).isEmpty();
        assertThat(Files.readString(secret)).isEqualTo("private settings\n");
        assertThat(Files.isSymbolicLink(folder.resolve(name))).isTrue();
    }

    @Test
    void aPlantedStateInAFolderOfTheRightOwnerButOpenToAllIsRefused() throws Exception {
        // the check's own account made the folder, but anyone may write into it (an old umask, a careless chmod)
        Path folder = shared.resolve("arr502-daemon");
        as("daemon", "mkdir -m 777 " + folder);
        as("nobody", "printf '{\"version\":1,\"mode\":\"minutes\",\"files\":[],\"minutes\":{},\"series\":{}}' > " + folder.resolve(stateName()));

        Run r = check("daemon", folder);

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).startsWith("ARR502 UNKNOWN - logs: state folder " + folder + " refused: others can write it (mode rwxrwxrwx)");
    }

    @Test
    void anOrdinaryAccountsOwnFolderIsPrivateAndWorksRunAfterRun() throws Exception {
        Path folder = shared.resolve("arr502-daemon");
        Run first = check("daemon", folder);
        assertThat(first.out()).startsWith("ARR502 WARNING - 502.3 rate 5% (5 of 100 requests");
        assertThat(first.exit()).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(Files.getOwner(folder).getName()).isEqualTo("daemon");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(stateName())))).isEqualTo("rw-------");
        Run second = check("daemon", folder);
        assertThat(second.out()).isEqualTo(first.out());
    }
}
