package io.arr502.core.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steady-state throughput of the full analysis on a 64 MiB generated log (JIT warm, no JVM start).
 * Run: {@code ./mvnw -B -q -pl core test-compile} then
 * {@code java -cp "core/target/test-classes:core/target/classes:$(deps)" org.openjdk.jmh.Main LogEngineBenchmark}
 * (bench/log-throughput.sh prints the dependency class path it uses).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = "-Xmx256m")
public class LogEngineBenchmark {
    @Param({"1", "2"})
    int threads;

    Path dir;

    @Setup(Level.Trial)
    public void write() throws IOException {
        dir = Files.createTempDirectory("arr502-jmh");
        W3cLogGenerator g = new W3cLogGenerator(99);
        Instant t = Instant.parse("2026-11-24T13:40:00Z");
        StringBuilder sb = new StringBuilder(g.header(t));
        g.reportsSlow = true;
        while (sb.length() < (64 << 20)) {
            sb.append(g.lines(t, 60, 200));
            t = t.plusSeconds(60);
        }
        Files.writeString(dir.resolve("u_ex261124.log"), sb, StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        Files.deleteIfExists(dir.resolve("u_ex261124.log"));
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public LogSummary analyze() throws LogEngineException {
        return new LogEngine().analyze(LogRequest.builder().input(dir).threads(threads).build());
    }
}
