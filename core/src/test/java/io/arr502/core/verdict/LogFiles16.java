package io.arr502.core.verdict;

import io.arr502.core.log.Window;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes IIS W3C logs for the visibility tests: the header block and the default field set in the order IIS
 * writes them (MicrosoftDocs win32 w3c-logging.md; /work/shared/docs/iis-arr-reference.md), CRLF line ends.
 */
final class LogFiles16 {
    static final String HEADER = "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n"
            + "#Date: 2026-11-24 14:00:00\r\n";
    static final String FIELDS = "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) "
            + "cs(Referer) sc-status sc-substatus sc-win32-status time-taken";

    private LogFiles16() {
    }

    /** A request line of the default field set at 14:00 plus i seconds, with "status substatus win32 time-taken" as given. */
    static String line(int i, String uri, String outcome) {
        return String.format(java.util.Locale.US, "2026-11-24 %02d:%02d:%02d 10.0.0.10 GET %s q=1 443 - 10.0.0.5 Mozilla/5.0 - %s\r\n",
                14 + i / 3600, i / 60 % 60, i % 60, uri, outcome);
    }

    static String lines(int from, int n, String uri, String outcome) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < from + n; i++) {
            b.append(line(i, uri, outcome));
        }
        return b.toString();
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path f = Files.createDirectories(dir.resolve("W3SVC1")).resolve(name);
        Files.write(f, bytes);
        return f;
    }

    static Verdict judge(Path logs, Window w, Instant now, VerdictOptions opt) {
        return Triage.run(new TriageRequest(List.of(logs), w, now, null, null, null, List.of(), null, null, opt, null));
    }

    static Verdict judgeAll(Path logs) {
        return judge(logs, Window.all(), null, VerdictOptions.defaults());
    }
}
