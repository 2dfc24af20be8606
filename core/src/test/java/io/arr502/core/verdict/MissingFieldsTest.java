package io.arr502.core.verdict;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.arr502.core.verdict.LogFiles16.FIELDS;
import static io.arr502.core.verdict.LogFiles16.HEADER;
import static io.arr502.core.verdict.LogFiles16.judgeAll;
import static io.arr502.core.verdict.LogFiles16.lines;
import static io.arr502.core.verdict.LogFiles16.write;
import static org.assertj.core.api.Assertions.assertThat;

/** A field the judgement needs that is not logged, or a bad value in a 502 line, is said, never a silent zero. */
class MissingFieldsTest {
    @TempDir
    Path dir;

    private Verdict judge(String log) throws Exception {
        return judgeAll(write(dir, "u_ex261124.log", log.getBytes(StandardCharsets.UTF_8)).getParent());
    }

    @Test
    void withoutSubstatusThe502sCountAndTheSummarySaysHow() throws Exception {
        Verdict v = judge(HEADER + "#Fields: " + FIELDS.replace(" sc-substatus", "") + "\r\n"
                + lines(0, 95, "/api/orders/1", "200 0 15") + lines(100, 5, "/api/reports/7", "502 12002 29990"));
        assertThat(v.state()).isEqualTo(State.WARNING);
        assertThat(v.summary()).startsWith("502.3 rate 5% (5 of 100 requests, window all) - 5 of them 502 with no substatus logged, counted as 502.3");
        assertThat(v.longOutput()).anyMatch(l -> l.startsWith("not logged: sc-substatus"));
        assertThat(v.metrics().byStatus()).containsEntry("502.-", 5L).containsEntry("200.0", 95L);
    }

    @Test
    void a502WithDashSubstatusIsCounted() throws Exception {
        Verdict v = judge(HEADER + "#Fields: " + FIELDS + "\r\n" + lines(0, 100, "/api/orders/1", "200 0 0 15")
                + lines(200, 15, "/api/orders/1", "502 - 12002 29990"));
        assertThat(v.state()).isEqualTo(State.CRITICAL);
        assertThat(v.summary()).startsWith("502.3 rate 13.04% (15 of 115 requests, window all) - 15 of them 502 with no substatus logged");
    }

    @Test
    void a502_3WithABadTimeTakenIsStillA502_3() throws Exception {
        Verdict v = judge(HEADER + "#Fields: " + FIELDS + "\r\n" + lines(0, 90, "/api/orders/1", "200 0 0 15")
                + lines(100, 3, "/api/reports/7", "502 3 12002 99999999999999999999")
                + lines(110, 2, "/api/reports/7", "502 3 12002 12x"));
        assertThat(v.metrics().count502_3()).isEqualTo(5);
        assertThat(v.metrics().requests()).isEqualTo(95);
        assertThat(v.malformedLines()).isZero();
        assertThat(v.state()).isEqualTo(State.CRITICAL);
        assertThat(v.longOutput()).anyMatch(l -> l.startsWith("5 502 lines with a bad value were counted without it (first: u_ex261124.log:95 time-taken"));
        assertThat(v.longOutput()).anyMatch(l -> l.startsWith("route /api/reports/{id}: 5 requests, 5 502.3") && l.endsWith("502.3 time-taken not known"));
    }

    @Test
    void aBadTimeTakenOnAnotherStatusIsStillMalformed() throws Exception {
        Verdict v = judge(HEADER + "#Fields: " + FIELDS + "\r\n" + lines(0, 90, "/api/orders/1", "200 0 0 15")
                + lines(100, 2, "/api/orders/1", "200 0 0 12x"));
        assertThat(v.metrics().requests()).isEqualTo(90);
        assertThat(v.malformedLines()).isEqualTo(2);
    }

    @Test
    void withoutWin32TheVerdictSaysItCannotSplitCauses() throws Exception {
        Verdict v = judge(HEADER + "#Fields: " + FIELDS.replace(" sc-win32-status", "") + "\r\n"
                + lines(0, 95, "/api/orders/1", "200 0 15") + lines(100, 5, "/api/reports/7", "502 3 29990"));
        assertThat(v.state()).isEqualTo(State.WARNING);
        assertThat(v.summary()).contains("sc-win32-status not logged: the 502.3 cannot be told apart by cause");
        assertThat(v.longOutput()).contains("502.3 by win32: not logged");
        assertThat(v.metrics().visibility().logs("sc-win32-status")).isFalse();
    }
}
