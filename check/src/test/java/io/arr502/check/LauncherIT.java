package io.arr502.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sh launcher as Nagios runs it: its one-time class-data-sharing training and the plugin contract around it. */
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private Run launch(Path launcher, String... args) throws Exception {
        return launchWith("", launcher, args);
    }

    private Run launchWith(String javaOpts, Path launcher, String... args) throws Exception {
        return launchWith(javaOpts, System.getProperty("java.home"), launcher, args);
    }

    private Run launchWith(String javaOpts, String javaHome, Path launcher, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("JAVA_HOME", javaHome);
        pb.environment().put("ARR502_JAVA_OPTS", javaOpts);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    private Path install() throws Exception {
        return install("plugins");
    }

    private Path install(String folder) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve(folder));
        Files.copy(Path.of("target/check_arr502.jar"), bin.resolve("check_arr502.jar"));
        Files.copy(Path.of("bin/check_arr502"), bin.resolve("check_arr502"));
        return bin.resolve("check_arr502");
    }

    private static List<Path> archives(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    /** The training's temp files (class list, archive being written), not its lock. */
    private static long temporaries(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".jsa.") && !n.endsWith(".training")).count();
        }
    }

    private static long leftovers(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().contains(".jsa.")).count();
        }
    }

    @Test
    void theFirstRunStartsTrainingOneArchiveAndEveryRunGivesTheSameVerdictAsPlainJava() throws Exception {
        Path launcher = install();
        // what an upgrade leaves: the archive of the jar this one replaced (older than the jar), and one
        // that another Java made for this jar (newer): training removes the first and keeps the second
        Path jar = launcher.resolveSibling("check_arr502.jar");
        Path stale = Files.writeString(launcher.resolveSibling("check_arr502-1.jsa"), "old jar's archive");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 86_400_000L));
        Path otherJava = Files.writeString(launcher.resolveSibling("check_arr502-2.jsa"), "another Java's archive");
        Files.setLastModifiedTime(otherJava, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000L));
        Path log = Files.createDirectories(tmp.resolve("W3SVC1")).resolve("u_ex261124.log");
        StringBuilder b = new StringBuilder("#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        for (int i = 0; i < 200; i++) {
            b.append(String.format("2026-11-24 14:%02d:%02d /api/x %s%n", i / 60, i % 60, i % 20 == 0 ? "502 3 12002 30000" : "200 0 0 40"));
        }
        Files.writeString(log, b);
        String[] args = {"logs", log.toString(), "--window", "all"};

        Run first = launch(launcher, args);
        // the archive is trained in the background (the first run keeps its whole -t budget)
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.exists(stale) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        while (leftovers(launcher.getParent()) > 0 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(stale).as("the replaced jar's archive is removed").doesNotExist();
        assertThat(otherJava).as("another Java's archive for this jar stays").exists();
        Files.delete(otherJava);
        assertThat(archives(launcher.getParent())).as("one archive").hasSize(1);
        assertThat(leftovers(launcher.getParent())).as("no temp archive, no training lock left").isZero();
        Path classLog = tmp.resolve("classes.txt");
        Run second = launchWith("-Xlog:class+load:file=" + classLog, launcher, args);
        assertThat(archives(launcher.getParent())).hasSize(1);
        // a static archive: Java 17 keeps picocli's Java 5 classes out of a dynamic one
        assertThat(Files.readString(classLog)).contains("picocli.CommandLine source: shared objects file",
                "io.arr502.core.log.ChunkScanner source: shared objects file");

        Process plain = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-jar", "target/check_arr502.jar", args[0], args[1],
                args[2], args[3]).start();
        String plainOut = new String(plain.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(plain.waitFor(60, TimeUnit.SECONDS)).isTrue();

        for (Run r : List.of(first, second)) {
            assertThat(r.exit()).isEqualTo(plain.exitValue()).isEqualTo(1); // 5 % 502.3: above -w 1, not above -c 5
            assertThat(r.out()).isEqualTo(plainOut);
            assertThat(r.err()).as("JVM and CDS messages never reach the daemon").isEmpty();
        }
        assertThat(first.out()).startsWith("ARR502 ").contains("502.3");
    }

    @Test
    void helpStillListsEveryModeAndAnUnknownModeIsUnknown() throws Exception {
        Path launcher = install();
        Run help = launch(launcher, "--help");
        assertThat(help.exit()).isEqualTo(3);
        assertThat(help.out()).contains("logs", "triage", "freb", "config", "probe", "collect", "verify", "remediate");
        Run bogus = launch(launcher, "bogus");
        assertThat(bogus.exit()).isEqualTo(3);
        assertThat(bogus.out()).startsWith("ARR502 UNKNOWN - ");
        Run modeHelp = launch(launcher, "logs", "--help");
        assertThat(modeHelp.exit()).isEqualTo(3);
        assertThat(modeHelp.out()).contains("--window");
    }

    @Test
    void aPluginFolderWithASpaceStillRuns() throws Exception {
        // the archive option must stay one argument; Java 17 then uses the archive's JDK classes only
        // (its application classes are not shared from a class path with a space: measured, see docs/check.md)
        Path launcher = install("plugin dir");
        Run first = launch(launcher, "logs", tmp.resolve("missing").toString());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((archives(launcher.getParent()).isEmpty() || leftovers(launcher.getParent()) > 0) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        Run second = launch(launcher, "logs", tmp.resolve("missing").toString());
        for (Run r : List.of(first, second)) {
            assertThat(r.exit()).isEqualTo(3);
            assertThat(r.out()).startsWith("ARR502 UNKNOWN - logs: no such log file or folder");
            assertThat(r.err()).isEmpty();
        }
        assertThat(archives(launcher.getParent())).hasSize(1);
    }

    @Test
    void aJvmThatCannotStartIsUnknownNotWarning() throws Exception {
        Path launcher = install();
        // a bad option: java exits 1 with its error on stderr, which the daemon would show as WARNING
        Run bad = launchWith("-XX:+NoSuchOptionAtAll", launcher, "logs", tmp.resolve("missing").toString());
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.out()).startsWith("ARR502 UNKNOWN - java could not run the check (exit 1, no answer)").hasLineCount(1);
        // too little address space for the heap: the JVM does not start
        List<String> cmd = List.of("sh", "-c", "ulimit -v 150000; exec sh \"$0\" logs missing", launcher.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("ARR502_JAVA_OPTS");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(3);
        assertThat(out).startsWith("ARR502 UNKNOWN - java could not run the check");
        // and a check that runs keeps its output and exit code exactly
        Run ok = launch(launcher, "logs", tmp.resolve("missing").toString());
        assertThat(ok.exit()).isEqualTo(3);
        assertThat(ok.out()).startsWith("ARR502 UNKNOWN - logs: no such log file or folder").endsWith("\n").hasLineCount(1);
    }

    @Test
    void aJavaThatCannotDumpAnArchiveIsNotRetrainedOnEveryCheck() throws Exception {
        // a java that runs checks but fails -Xshare:dump, and notes every training it is asked for
        Path fakeHome = Files.createDirectories(tmp.resolve("jdk/bin")).getParent();
        Path trainings = tmp.resolve("trainings.txt");
        Path java = fakeHome.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\n"
                + "case \"$*\" in *CdsTraining*) echo training >> '" + trainings + "';; esac\n"
                + "case \"$*\" in *-Xshare:dump*) exit 1;; esac\n"
                + "exec '" + System.getProperty("java.home") + "/bin/java' \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Path launcher = install();
        for (int i = 0; i < 3; i++) {
            Run r = launchWith("", fakeHome.toString(), launcher, "logs", tmp.resolve("missing").toString());
            assertThat(r.exit()).isEqualTo(3);
            assertThat(r.err()).isEmpty();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // wait for the (first) training to have started and ended: its class list is written, then removed
            while ((!Files.exists(trainings) || temporaries(launcher.getParent()) > 0) && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            Thread.sleep(200);
        }
        assertThat(Files.readAllLines(trainings)).as("one attempt, then the lock holds for 10 minutes").hasSize(1);
        assertThat(archives(launcher.getParent())).isEmpty();
    }
}
