package io.arr502.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The launcher's one-time class-data-sharing training run: runs the paths a scheduled check takes (a
 * first run that writes incremental state, a later one that reads it, triage, the JSON and text
 * outputs) on a small log it writes to a temp folder, so the archive written at exit holds every class
 * a real check loads. A first real run alone would miss the state-reading classes and leave every later
 * check about 0.1 s slower. Prints nothing itself; exit 0 when it ran.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("arr502-cds");
        try {
            Path site = Files.createDirectories(dir.resolve("W3SVC1"));
            Instant now = Instant.now();
            Path log = site.resolve("u_ex" + DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC).format(now) + ".log");
            Files.writeString(log, lines(now.minusSeconds(600), 300), StandardCharsets.UTF_8);
            String state = "--state-dir=" + dir.resolve("state");
            CheckArr502.execute("logs", log.toString(), state);
            Files.writeString(log, lines(now.minusSeconds(60), 50).replaceFirst("(?s)^#.*?\n(?=\\d)", ""), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            CheckArr502.execute("logs", log.toString(), state);
            CheckArr502.execute("logs", log.toString(), state, "--format=json");
            CheckArr502.execute("triage", "--logs=" + site, state, "--format=text");
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** n requests ending at end, every tenth a 502.3 timeout. */
    private static String lines(Instant end, int n) {
        DateTimeFormatter ts = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
        StringBuilder b = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
                + "#Fields: date time s-sitename s-ip cs-method cs-uri-stem cs-uri-query s-port c-ip cs(User-Agent) sc-status "
                + "sc-substatus sc-win32-status time-taken\n");
        for (int i = 0; i < n; i++) {
            Instant t = end.minusSeconds(n - i);
            boolean fail = i % 10 == 0;
            b.append(ts.format(t)).append(" W3SVC1 10.0.0.10 GET /api/orders/").append(i).append(" - 443 192.0.2.1 Mozilla/5.0 ")
                    .append(fail ? "502 3 12002 30000" : "200 0 0 40").append('\n');
        }
        return b.toString();
    }
}
