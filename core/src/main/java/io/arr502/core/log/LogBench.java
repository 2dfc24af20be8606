package io.arr502.core.log;

import java.nio.file.Path;

/**
 * Throughput probe for bench/log-throughput.sh:
 * {@code java -cp <core classes + deps> io.arr502.core.log.LogBench <file-or-folder> [threads] [state-file]}.
 * Prints one line: requests, 502.3 by win32, routes, bytes, seconds, GB/s (JVM start not included here;
 * the script times the whole process).
 */
public final class LogBench {
    private LogBench() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        LogRequest.Builder b = LogRequest.builder().input(Path.of(args[0]));
        if (args.length > 1) {
            b.threads(Integer.parseInt(args[1]));
        }
        if (args.length > 2) {
            b.stateFile(Path.of(args[2]));
        }
        LogSummary s = new LogEngine().analyze(b.build());
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf("requests=%d 502.3=%d win32=%s routes=%d malformed=%d bytes=%d seconds=%.3f GB/s=%.2f%n",
                s.requests(), s.count502_3(), s.win32For502_3(), s.routes().size(), s.malformedLines(), s.bytesRead(),
                sec, s.bytesRead() / sec / 1e9);
    }
}
