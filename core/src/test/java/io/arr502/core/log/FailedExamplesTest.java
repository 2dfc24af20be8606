package io.arr502.core.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's newest 502.3 lines are kept as evidence (file:line and the fields that matter, with ARR's request
 * id when a custom field logs X-ARR-LOG-ID, the logGuidName default in arr_schema.xml), read back from the end
 * of the files after the scan, never by the scan loop.
 */
class FailedExamplesTest {
    @TempDir
    Path dir;

    static final String FIELDS = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) "
            + "cs(Referer) sc-status sc-substatus sc-win32-status time-taken X-ARR-LOG-ID\r\n";

    private static String line(int sec, String uri, String outcome, String id) {
        return String.format(java.util.Locale.US, "2026-11-24 14:%02d:%02d 10.0.0.10 GET %s token=secret 443 alice 10.0.0.5 Mozilla/5.0 - %s %s\r\n",
                sec / 60, sec % 60, uri, outcome, id);
    }

    private Path log() throws Exception {
        StringBuilder b = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n").append(FIELDS);
        for (int i = 0; i < 600; i++) {
            boolean fail = i % 50 == 7;
            b.append(line(i, fail ? "/api/reports/" + i : "/api/orders/" + i, fail ? "502 3 12002 29990" : "200 0 0 15",
                    fail ? "7e2c9b1a-" + i : "-"));
        }
        Path f = Files.createDirectories(dir.resolve("W3SVC1")).resolve("u_ex261124.log");
        Files.writeString(f, b);
        return f;
    }

    @Test
    void theNewestFiveWithTheirPlaceAndArrIdButNoQueryOrUser() throws Exception {
        LogSummary s = LogEngine.analyze(LogRequest.of(List.of(log()), Window.all()));
        assertThat(s.count502_3()).isEqualTo(12);
        assertThat(s.failedExamples()).hasSize(5);
        RequestLine newest = s.failedExamples().get(0);
        // line 557 (i = 557): 3 header lines before the first request
        assertThat(newest.file()).isEqualTo("u_ex261124.log");
        assertThat(newest.lineNumber()).isEqualTo(557 + 4);
        assertThat(newest.text()).isEqualTo("date=2026-11-24 time=14:09:17 s-ip=10.0.0.10 cs-method=GET cs-uri-stem=/api/reports/557 "
                + "sc-status=502 sc-substatus=3 sc-win32-status=12002 time-taken=29990 X-ARR-LOG-ID=7e2c9b1a-557");
        assertThat(s.failedExamples()).extracting(RequestLine::lineNumber).containsExactly(561L, 511L, 461L, 411L, 361L);
        assertThat(s.failedExamples()).allSatisfy(r -> assertThat(r.text()).doesNotContain("secret", "alice"));
    }

    @Test
    void onlyTheWindowsLinesAndAlsoOnAQuietStatefulRun() throws Exception {
        Path f = log();
        LogRequest req = LogRequest.of(List.of(f), Window.last(Duration.ofMinutes(3))).withNow(Instant.parse("2026-11-24T14:05:30Z"))
                .withState(dir.resolve("state.json"));
        LogSummary first = LogEngine.analyze(req);
        // minutes 14:03 to 14:05: the failures at i = 207, 257, 307, 357
        assertThat(first.count502_3()).isEqualTo(4);
        assertThat(first.failedExamples()).extracting(RequestLine::lineNumber).containsExactly(361L, 311L, 261L, 211L);
        LogSummary again = LogEngine.analyze(req);
        assertThat(again.bytesRead()).isZero();
        assertThat(again.failedExamples()).isEqualTo(first.failedExamples());
    }

    @Test
    void noneWithout502_3() throws Exception {
        Path f = Files.createDirectories(dir.resolve("W3SVC1")).resolve("u_ex261124.log");
        Files.writeString(f, FIELDS + line(1, "/a", "200 0 0 15", "-"));
        assertThat(LogEngine.analyze(LogRequest.of(List.of(f), Window.all())).failedExamples()).isEmpty();
    }
}
