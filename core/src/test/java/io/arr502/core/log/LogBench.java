package io.arr502.core.log;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Command-line driver for bench/log-throughput.sh: {@code generate FILE MIB} writes a realistic log,
 * {@code analyze FILE [STATE]} runs the full analysis (all counts, routes, percentiles) and prints
 * one line of results, {@code warm FILE N} runs it N times in one JVM and prints each run's time (the steady
 * state, for bench/jit-profile.sh); {@code -Darr502.bench.excludeRoute=PATTERN} analyses with that route excluded. Kept in test code: it is a measuring tool, not part of the product.
 */
public final class LogBench {
    private LogBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Long.parseLong(args[2]) << 20);
            case "analyze" -> {
                long t0 = System.nanoTime();
                LogRequest req = LogRequest.of(List.of(Path.of(args[1])), Window.all());
                if (args.length > 2) {
                    req = req.withState(Path.of(args[2]));
                }
                String exclude = System.getProperty("arr502.bench.excludeRoute"); // the route filter's cost (bench A/B)
                if (exclude != null) {
                    req = req.withRoutes(new io.arr502.core.triage.Scope(List.of(), List.of(exclude), List.of(), List.of()).routeFilter());
                }
                LogSummary s = LogEngine.analyze(req);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("requests=%d 502.3=%d 12002=%d routes=%d malformed=%d bytesRead=%d analyzeMs=%d%n", s.requests(),
                        s.count502_3(), s.win32For502_3().getOrDefault(12002, 0L), s.routes().size(), s.malformedLines(), s.bytesRead(), ms);
            }
            case "warm" -> {
                for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                    long t0 = System.nanoTime();
                    LogSummary s = LogEngine.analyze(LogRequest.of(List.of(Path.of(args[1])), Window.all()));
                    System.out.printf("run %d: %d ms, %d requests%n", i + 1, (System.nanoTime() - t0) / 1_000_000, s.requests());
                }
            }
            default -> throw new IllegalArgumentException("usage: generate FILE MIB | analyze FILE [STATE] | warm FILE N");
        }
    }

    static void generate(Path file, long bytes) throws Exception {
        IisLogGenerator g = new IisLogGenerator(1).rate(50).incident(Instant.parse("2026-11-24T00:20:00Z"), Instant.parse("2026-11-24T00:50:00Z"))
                .recycleAt(Instant.parse("2026-11-24T01:05:00Z"));
        Files.deleteIfExists(file);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Instant t = Instant.parse("2026-11-24T00:00:00Z");
            w.write(g.header(t));
            long written = 0;
            StringBuilder chunk = new StringBuilder(1 << 20);
            while (written < bytes) {
                chunk.setLength(0);
                g.writeRequests(chunk, t, t.plusSeconds(60));
                t = t.plusSeconds(60);
                w.write(chunk.toString());
                written += chunk.length();
            }
        }
    }
}
