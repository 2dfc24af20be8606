package io.arr502.core.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a realistic log of about {@code megabytes} MiB (seeded): full field set, a service
 * restart header and a #Fields change midway, an incident hour with 502.3.
 * {@code java -cp core/target/test-classes:core/target/classes:<deps> io.arr502.core.log.BenchLogWriter out.log 1024}
 */
final class BenchLogWriter {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long target = Long.parseLong(args[1]) << 20;
        W3cLogGenerator g = new W3cLogGenerator(1024);
        Instant t = Instant.parse("2026-11-20T13:40:00Z");
        long written = 0;
        boolean switched = false;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String h = g.header(t);
            w.write(h);
            written += h.length();
            while (written < target) {
                if (!switched && written > target / 2) {
                    switched = true;
                    g.fullFields = false;
                    h = g.header(t);
                    w.write(h);
                    written += h.length();
                }
                g.reportsSlow = (t.getEpochSecond() / 3600) % 24 == 14;
                String chunk = g.lines(t, 60, 200);
                w.write(chunk);
                written += chunk.length();
                t = t.plusSeconds(60);
            }
        }
        System.out.println("requests=" + g.requests + " 502.3=" + g.byStatus.getOrDefault("502.3", 0L) + " win32=" + g.win32For502_3);
    }
}
