package io.arr502.core.verdict;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static io.arr502.core.verdict.LogFiles16.FIELDS;
import static io.arr502.core.verdict.LogFiles16.HEADER;
import static io.arr502.core.verdict.LogFiles16.judgeAll;
import static io.arr502.core.verdict.LogFiles16.lines;
import static io.arr502.core.verdict.LogFiles16.write;
import static org.assertj.core.api.Assertions.assertThat;

/** A log arr502 cannot read is UNKNOWN with the reason, never "OK 0 of 0"; a few bad lines in a healthy log are not. */
class UnreadableLogTest {
    @TempDir
    Path dir;

    /** 95 healthy requests and 5 502.3 × 12002: a WARNING when read. */
    private static String incident() {
        return HEADER + "#Fields: " + FIELDS + "\r\n" + lines(0, 95, "/api/orders/1", "200 0 0 15")
                + lines(100, 5, "/api/reports/7", "502 3 12002 29990");
    }

    private Verdict judge(byte[] bytes) throws Exception {
        return judgeAll(write(dir, "u_ex261124.log", bytes).getParent());
    }

    @Test
    void theIncidentItselfIsAWarning() throws Exception {
        Verdict v = judge(incident().getBytes(StandardCharsets.UTF_8));
        assertThat(v.state()).isEqualTo(State.WARNING);
        assertThat(v.metrics().visibility().requestsRead()).isEqualTo(100);
    }

    @Test
    void binaryDataIsUnknown() throws Exception {
        byte[] junk = new byte[200 * 1024];
        new SplittableRandom(1).nextBytes(junk);
        Verdict v = judge(junk);
        assertThat(v.state()).isEqualTo(State.UNKNOWN);
        assertThat(v.summary()).startsWith("logs: no request could be read from ").contains("binary data, not a W3C text log");
        assertThat(v.metrics().visibility().malformedRead()).isPositive();
    }

    @Test
    void utf16IsUnknownAndSaysSo() throws Exception {
        Verdict bom = judge(utf16WithBom());
        assertThat(bom.state()).isEqualTo(State.UNKNOWN);
        assertThat(bom.summary()).contains("UTF-16 text (byte order mark FF FE)");
        Verdict noBom = judge(incident().getBytes(StandardCharsets.UTF_16LE));
        assertThat(noBom.state()).isEqualTo(State.UNKNOWN);
        assertThat(noBom.summary()).contains("UTF-16 text without a byte order mark");
    }

    private static byte[] utf16WithBom() {
        // what Windows PowerShell 5.1's Out-File writes: UTF-16LE with FF FE
        byte[] body = incident().getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    @Test
    void crOnlyLineEndsAreUnknown() throws Exception {
        Verdict v = judge(incident().replace("\r\n", "\r").getBytes(StandardCharsets.UTF_8));
        assertThat(v.state()).isEqualTo(State.UNKNOWN);
        assertThat(v.summary()).isEqualTo("logs: no request could be read: u_ex261124.log: lines end in CR only (W3C lines end in CRLF)");
    }

    @Test
    void tabSeparatedFieldsAreUnknown() throws Exception {
        String tabs = incident().replace(' ', '\t').replace("#Software:\t", "#Software: ");
        Verdict v = judge(tabs.getBytes(StandardCharsets.UTF_8));
        assertThat(v.state()).isEqualTo(State.UNKNOWN);
        assertThat(v.summary()).contains("tab-separated");
    }

    @Test
    void fieldsWithoutStatusOrUriStemAreUnknown() throws Exception {
        for (String field : new String[]{"sc-status", "cs-uri-stem"}) {
            String log = HEADER + "#Fields: " + FIELDS.replace(" " + field, "") + "\r\n"
                    + lines(0, 50, "/a", "200 0 0 15").replace(field.equals("sc-status") ? " 200 0" : " /a ", field.equals("sc-status") ? " 0" : " ");
            Verdict v = judge(log.getBytes(StandardCharsets.UTF_8));
            assertThat(v.state()).as(field).isEqualTo(State.UNKNOWN);
            assertThat(v.summary()).as(field).contains("#Fields directive lacks " + field);
        }
    }

    @Test
    void moreThan64FieldsAreRead() throws Exception {
        StringBuilder fields = new StringBuilder("#Fields: " + FIELDS);
        StringBuilder extra = new StringBuilder();
        for (int k = 0; k < 60; k++) {
            fields.append(" x-custom-").append(k);
            extra.append(" v").append(k);
        }
        StringBuilder b = new StringBuilder(HEADER).append(fields).append("\r\n");
        for (String l : incident().split("\r\n")) {
            if (!l.startsWith("#")) {
                b.append(l).append(extra).append("\r\n");
            }
        }
        Verdict v = judge(b.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(v.state()).isEqualTo(State.WARNING);
        assertThat(v.metrics().requests()).isEqualTo(100);
        assertThat(v.metrics().count502_3()).isEqualTo(5);
    }

    @Test
    void aFewMalformedLinesInABigHealthyLogStayOkAndMostlyMalformedIsUnknown() throws Exception {
        String healthy = HEADER + "#Fields: " + FIELDS + "\r\n" + lines(0, 2000, "/api/orders/1", "200 0 0 15")
                + "not a w3c line\r\n".repeat(15);
        Verdict ok = judge(healthy.getBytes(StandardCharsets.UTF_8));
        assertThat(ok.state()).isEqualTo(State.OK);
        assertThat(ok.summary()).doesNotContain("malformed");
        assertThat(ok.metrics().visibility().malformedRead()).isEqualTo(15);

        String stated = HEADER + "#Fields: " + FIELDS + "\r\n" + lines(0, 900, "/api/orders/1", "200 0 0 15")
                + "not a w3c line\r\n".repeat(100);
        assertThat(judge(stated.getBytes(StandardCharsets.UTF_8)).summary()).contains("100 of 1,000 lines malformed and not counted");

        String mostly = HEADER + "#Fields: " + FIELDS + "\r\n" + lines(0, 100, "/api/orders/1", "200 0 0 15")
                + "not a w3c line\r\n".repeat(150);
        Verdict unknown = judge(mostly.getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.state()).isEqualTo(State.UNKNOWN);
        assertThat(unknown.summary()).startsWith("logs: 150 of 250 lines are malformed, too many to judge the rest: u_ex261124.log:");
    }

    @Test
    void everyVerdictSaysWhatItRead() throws Exception {
        Verdict v = judge(incident().getBytes(StandardCharsets.UTF_8));
        assertThat(v.longOutput()).contains("newest request 2026-11-24T14:01:00Z");
        assertThat(JsonOutput.tree(v).at("/metrics/visibility/linesRead").asLong()).isEqualTo(104);
        assertThat(JsonOutput.tree(v).at("/metrics/visibility/requestsRead").asLong()).isEqualTo(100);
        assertThat(JsonOutput.tree(v).at("/metrics/visibility/newestRequest").asText()).isEqualTo("2026-11-24T14:01:59Z");
    }
}
