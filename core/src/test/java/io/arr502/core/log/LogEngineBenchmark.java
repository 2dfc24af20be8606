package io.arr502.core.log;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Steady-state throughput of the full analysis (JIT warm, no JVM start; bench/log-throughput.sh measures
 * with start-up). Run:
 * <pre>
 * ./mvnw -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp core/target/test-classes:core/target/classes:$(cat core/cp.txt) org.openjdk.jmh.Main LogEngineBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class LogEngineBenchmark {
    @Param({"64"})
    int mib;

    @Param({"1", "2"})
    int threads;

    Path file;

    @Setup
    public void generate() throws Exception {
        Path dir = Files.createTempDirectory("arr502-jmh");
        file = dir.resolve("u_ex261124.log");
        LogBench.generate(file, (long) mib << 20);
    }

    @Benchmark
    public LogSummary fullAnalysis() throws Exception {
        return LogEngine.analyze(LogRequest.of(List.of(file), Window.all()).withThreads(threads));
    }
}
