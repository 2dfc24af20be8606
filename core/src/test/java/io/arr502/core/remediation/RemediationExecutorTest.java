package io.arr502.core.remediation;

import io.arr502.core.collect.CommandRunner;
import io.arr502.core.diagnosis.Cause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A stand-in appcmd (a real executable) records every call; it can be told to fail one. */
class RemediationExecutorTest {
    @TempDir
    Path tmp;

    private Path standIn(String failOn) throws Exception {
        Path calls = tmp.resolve("calls.log");
        Path exe = tmp.resolve("appcmd");
        Files.writeString(exe, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> " + calls + "\n"
                + (failOn == null ? "" : "case \"$*\" in *" + failOn + "*) echo 'ERROR ( message:Cannot find requested collection element. )'; exit 4;; esac\n")
                + "echo 'APPLIED'\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        return exe;
    }

    private static RemediationPlan plan() {
        return new RemediationPlan(Cause.ARR_TIMEOUT_TOO_LOW, "test plan",
                List.of(Appcmd.step("one", "set", "config", "-section:webFarms", "/+[name='f-report']", "/commit:apphost"),
                        Appcmd.show("manual", "Test-NetConnection x"),
                        Appcmd.step("two", "set", "config", "-section:webFarms", "/[name='f-report'].applicationRequestRouting.protocol.timeout:00:02:00", "/commit:apphost")),
                List.of(Appcmd.step("undo", "set", "config", "-section:webFarms", "/-[name='f-report']", "/commit:apphost")),
                List.of());
    }

    private List<String> calls() throws Exception {
        return Files.readAllLines(tmp.resolve("calls.log"));
    }

    @Test
    void appliesEveryStepAndKeepsItWhenVerified() throws Exception {
        StepRunner r = RemediationExecutor.commands(new CommandRunner(Duration.ofSeconds(5), 65536), standIn(null));
        List<String> sink = new ArrayList<>();
        RemediationExecutor.Outcome o = RemediationExecutor.apply(plan(), r, () -> true, sink::add);
        assertThat(o.applied()).isTrue();
        assertThat(o.rolledBack()).isFalse();
        assertThat(calls()).containsExactly(
                "set config -section:webFarms /+[name='f-report'] /commit:apphost",
                "set config -section:webFarms /[name='f-report'].applicationRequestRouting.protocol.timeout:00:02:00 /commit:apphost");
        assertThat(sink).contains("skip (manual check): Test-NetConnection x", "verified: the fix stays");
    }

    @Test
    void aFailingStepRollsBackAtOnce() throws Exception {
        StepRunner r = RemediationExecutor.commands(new CommandRunner(Duration.ofSeconds(5), 65536), standIn("timeout:00:02:00"));
        RemediationExecutor.Outcome o = RemediationExecutor.apply(plan(), r, () -> {
            throw new AssertionError("verification must not run after a failed step");
        }, s -> { });
        assertThat(o.applied()).isFalse();
        assertThat(o.rolledBack()).isTrue();
        assertThat(o.reason()).contains("exited 4").contains("Cannot find requested collection element");
        assertThat(calls()).last().isEqualTo("set config -section:webFarms /-[name='f-report'] /commit:apphost");
    }

    @Test
    void failedVerificationRollsBack() throws Exception {
        StepRunner r = RemediationExecutor.commands(new CommandRunner(Duration.ofSeconds(5), 65536), standIn(null));
        RemediationExecutor.Outcome o = RemediationExecutor.apply(plan(), r, () -> false, s -> { });
        assertThat(o.rolledBack()).isTrue();
        assertThat(o.reason()).isEqualTo("verification failed");
        assertThat(calls()).hasSize(3).last().asString().contains("/-[name='f-report']");
    }

    @Test
    void windowsVariablesExpandFromTheEnvironment() {
        assertThat(RemediationExecutor.expand("%WINDIR%\\system32\\inetsrv\\appcmd.exe", java.util.Map.of("windir", "C:\\Windows")))
                .isEqualTo("C:\\Windows\\system32\\inetsrv\\appcmd.exe");
        assertThat(RemediationExecutor.expand("%NOPE%\\x", java.util.Map.of())).isEqualTo("%NOPE%\\x");
    }
}
