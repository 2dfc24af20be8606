package io.arr502.core.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Regenerates samples/incident/logs/W3SVC1/u_ex261124.log (seeded, so the file is reproducible):
 * {@code java -cp core/target/test-classes:core/target/classes io.arr502.core.log.SampleIncidentWriter samples/incident/logs/W3SVC1/u_ex261124.log}
 */
final class SampleIncidentWriter {
    static final long SEED = 20261124L;

    static String content() {
        W3cLogGenerator g = new W3cLogGenerator(SEED);
        Instant t0 = Instant.parse("2026-11-24T13:50:00Z");
        StringBuilder sb = new StringBuilder();
        sb.append(g.header(t0));
        sb.append(g.lines(t0, 600, 2));                                     // 13:50-14:00 healthy
        g.reportsSlow = true;
        sb.append(g.lines(Instant.parse("2026-11-24T14:00:00Z"), 18 * 60, 2)); // reports slow
        g.app02Down = true;
        sb.append(g.lines(Instant.parse("2026-11-24T14:18:00Z"), 4 * 60, 2));  // app02 recycle: 12029
        g.app02Down = false;
        sb.append(g.lines(Instant.parse("2026-11-24T14:22:00Z"), 8 * 60, 2));
        // the front end's W3SVC restarted: IIS starts a new header block in the same file
        Instant restart = Instant.parse("2026-11-24T14:30:07Z");
        sb.append(g.header(restart));
        sb.append(g.lines(restart, 15 * 60 - 7, 2));
        g.reportsSlow = false;
        sb.append(g.lines(Instant.parse("2026-11-24T14:45:00Z"), 600, 2));   // back to healthy
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, content(), StandardCharsets.UTF_8);
    }
}
