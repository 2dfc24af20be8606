package io.arr502.core.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The state folder belongs to the check's account or is refused (issue 19: another local user created the
 * default folder first, world-writable, with links under the state's, lock's and temp file's names).
 * The same attack by a real second account, through the packaged jar, is in the check's StateFolderIT.
 */
@DisabledOnOs(OS.WINDOWS)
class StateFolderTest {
    static final String LOG = "#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n"
            + "2026-11-24 14:00:01 /a 200 0 0 15\n";

    @TempDir
    Path tmp;

    private LogRequest request(Path state) throws Exception {
        Path log = Files.createDirectories(tmp.resolve("W3SVC1")).resolve("u_ex261124.log");
        if (!Files.exists(log)) {
            Files.writeString(log, LOG);
        }
        return LogRequest.of(List.of(log), Window.all()).withState(state);
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aNewFolderIsTheAccountsAloneAndSoAreItsFiles() throws Exception {
        Path folder = tmp.resolve("deep/arr502-me");
        Path state = folder.resolve("logs-1.json");
        LogEngine.analyze(request(state));
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(state)).isEqualTo("rw-------");
        assertThat(mode(folder.resolve("logs-1.json.lock"))).isEqualTo("rw-------");
        try (Stream<Path> s = Files.list(folder)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("logs-1.json", "logs-1.json.lock");
        }
    }

    @Test
    void aFolderOthersCanWriteIsRefused() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> LogEngine.analyze(request(folder.resolve("logs-1.json"))))
                .isInstanceOf(LogEngineException.class)
                .hasMessageContaining("state folder " + folder.toAbsolutePath() + " refused: others can write it (mode rwxrwxrwx)");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aFolderThatIsALinkIsRefused() throws Exception {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertThatThrownBy(() -> LogEngine.analyze(request(link.resolve("logs-1.json"))))
                .hasMessageContaining("refused: it is a symbolic link");
        assertThat(real).isEmptyDirectory();
    }

    @Test
    void aFolderOfAnotherAccountIsRefused() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a folder away");
        Path folder = Files.createDirectory(tmp.resolve("theirs"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setOwner(folder, folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertThatThrownBy(() -> LogEngine.analyze(request(folder.resolve("logs-1.json"))))
                .hasMessageContaining("refused: it belongs to nobody, not to root");
    }

    @Test
    void linksUnderTheStateAndLockNamesAreNeverFollowed() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("mine"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path secret = Files.writeString(tmp.resolve("private.txt"), "the account's own file\n");
        Path state = folder.resolve("logs-1.json");
        // under the state's name: read as unreadable and replaced by the new state, the target untouched
        Files.createSymbolicLink(state, secret);
        LogSummary s = LogEngine.analyze(request(state));
        assertThat(s.requests()).isEqualTo(1);
        assertThat(Files.isSymbolicLink(state)).isFalse();
        assertThat(Files.readString(secret)).isEqualTo("the account's own file\n");
        // the temp name an earlier build used, <state>.tmp-<pid>: not used any more
        Path oldTemp = Files.createSymbolicLink(folder.resolve("logs-1.json.tmp-" + ProcessHandle.current().pid()), secret);
        Files.writeString(tmp.resolve("W3SVC1/u_ex261124.log"), "2026-11-24 14:00:02 /a 200 0 0 15\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(LogEngine.analyze(request(state)).requests()).isEqualTo(2);
        assertThat(Files.readString(secret)).isEqualTo("the account's own file\n");
        Files.delete(oldTemp);
        // under the lock's name: refused, not opened through
        Path other = folder.resolve("logs-2.json");
        Files.createSymbolicLink(folder.resolve("logs-2.json.lock"), secret);
        assertThatThrownBy(() -> LogEngine.analyze(request(other))).hasMessageContaining("cannot lock state file");
        assertThat(Files.readString(secret)).isEqualTo("the account's own file\n");
    }
}
