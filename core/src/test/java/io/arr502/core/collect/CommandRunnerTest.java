package io.arr502.core.collect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Real Linux processes: the runner must survive whatever they do. */
class CommandRunnerTest {
    @TempDir
    Path tmp;

    private final CommandRunner runner = new CommandRunner(Duration.ofSeconds(2), 64 * 1024);

    @Test
    void successKeepsOutputAndArgumentsVerbatim() {
        CommandResult r = runner.run(List.of("printf", "%s|%s", "a b", "$HOME;`x`"), tmp, Map.of());
        assertThat(r.ok()).isTrue();
        assertThat(r.stdout()).isEqualTo("a b|$HOME;`x`");
    }

    @Test
    void nonZeroExitIsAResult() {
        CommandResult r = runner.run(List.of("sh", "-c", "echo boom >&2; exit 4"), tmp, Map.of());
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.ok()).isFalse();
        assertThat(r.oneLine()).isEqualTo("sh exited 4 after " + r.durationMillis() + " ms: boom");
    }

    @Test
    void timeoutKillsChildAndGrandchild() throws Exception {
        Path pids = tmp.resolve("pids");
        CommandResult r = runner.run(List.of("sh", "-c", "sleep 60 & echo $! > " + pids + "; sleep 60"), tmp, Map.of());
        assertThat(r.timedOut()).isTrue();
        assertThat(r.oneLine()).matches("sh timed out after \\d s");
        assertThat(r.durationMillis()).isLessThan(10_000);
        long grandchild = Long.parseLong(Files.readString(pids).trim());
        long until = System.nanoTime() + 3_000_000_000L;
        while (running(grandchild) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(running(grandchild)).as("grandchild killed").isFalse();
    }

    /** Alive and not a zombie (a killed orphan may wait for a container's PID 1 to reap it). */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void crashingProcessIsAResult() {
        CommandResult r = runner.run(List.of("sh", "-c", "kill -SEGV $$"), tmp, Map.of());
        assertThat(r.ok()).isFalse();
        assertThat(r.exitCode()).isEqualTo(139);
    }

    @Test
    void floodingOutputIsCapped() {
        CommandResult r = new CommandRunner(Duration.ofSeconds(1), 1000).run(List.of("yes"), tmp, Map.of());
        assertThat(r.stdout()).hasSize(1000);
        assertThat(r.outputTruncated()).isTrue();
        assertThat(r.timedOut()).isTrue();
    }

    @Test
    void missingExecutableIsAResult() {
        CommandResult r = runner.run(List.of("/nonexistent/appcmd.exe", "list"), tmp, Map.of());
        assertThat(r.startFailure()).isNotNull();
        assertThat(r.oneLine()).startsWith("appcmd.exe did not start: ");
    }

    @Test
    void environmentAdditionsReachTheProcess() {
        CommandResult r = runner.run(List.of("sh", "-c", "printf %s \"$ARR502_X\""), tmp, Map.of("ARR502_X", "yes"));
        assertThat(r.stdout()).isEqualTo("yes");
    }
}
