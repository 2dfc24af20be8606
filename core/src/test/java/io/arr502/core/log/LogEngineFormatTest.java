package io.arr502.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogEngineFormatTest {
    @TempDir
    Path dir;

    private final LogEngine engine = new LogEngine();

    private Path write(String rel, String content) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, content.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private LogSummary all(Path... in) throws LogEngineException {
        return engine.analyze(LogRequest.of(in));
    }

    @Test
    void countsMatchTheGeneratorsOwnTallyAcrossSitesAndFiles() throws Exception {
        W3cLogGenerator g = new W3cLogGenerator(7);
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        write("W3SVC1/u_ex261124.log", g.header(t) + g.lines(t, 600, 3));
        g.reportsSlow = true;
        g.app02Down = true;
        write("W3SVC2/u_ex26112410.log", g.header(t.plusSeconds(600)) + g.lines(t.plusSeconds(600), 600, 3));
        g.fullFields = false;
        write("W3SVC2/u_extend3.log", g.header(t.plusSeconds(1200)) + g.lines(t.plusSeconds(1200), 300, 3));
        write("W3SVC2/notes.txt", "not a log\n");

        LogSummary s = all(dir);

        assertThat(s.filesRead()).isEqualTo(3);
        assertThat(s.requests()).isEqualTo(g.requests);
        assertThat(s.byStatus()).isEqualTo(g.byStatus);
        assertThat(s.win32For502_3()).isEqualTo(g.win32For502_3);
        assertThat(s.malformedLines()).isZero();
        for (RouteStats r : s.routes()) {
            assertThat(new long[] {r.requests(), r.count502_3()}).as(r.route()).containsExactly(g.routes.get(r.route()));
        }
        assertThat(s.routes()).hasSize(g.routes.size());
        // sites: s-sitename where logged, else the W3SVC folder; both say W3SVC<n>
        assertThat(s.sites()).extracting(GroupStats::key).containsExactlyInAnyOrder("W3SVC1", "W3SVC2");
        assertThat(s.sites().stream().mapToLong(GroupStats::requests).sum()).isEqualTo(g.requests);
        assertThat(s.perMinute().stream().mapToLong(MinuteBucket::requests).sum()).isEqualTo(g.requests);
        assertThat(s.perMinute().stream().mapToLong(MinuteBucket::count502_3).sum()).isEqualTo(s.count502_3());
    }

    @Test
    void fieldsByNameInAnyOrderAndSubsetWithDashesAndPlus() throws Exception {
        Path f = write("u_ex261124.log", "#Fields: time-taken sc-win32-status sc-substatus sc-status cs-uri-stem time date\n"
                + "30012 12002 3 502 /api/reports/4711 14:00:01 2026-11-24\n"
                + "- - - 200 /My+Files/a.css 14:00:02 2026-11-24\n");
        LogSummary s = all(f);
        assertThat(s.requests()).isEqualTo(2);
        assertThat(s.count502_3()).isEqualTo(1);
        assertThat(s.win32For502_3()).containsEntry(12002, 1L);
        assertThat(s.count("200.0")).isEqualTo(1);
        assertThat(s.routes()).extracting(RouteStats::route).containsExactly("/api/reports/{id}", "/My+Files/a.css");
        assertThat(s.routes().get(0).p50TimeTaken502_3()).isBetween(29_800L, 30_200L);
        assertThat(s.routes().get(1).all()).isEqualTo(Latency.EMPTY); // time-taken "-" is not a 0 ms request
        assertThat(s.serverIps()).extracting(GroupStats::key).containsExactly(""); // s-ip not logged
    }

    @Test
    void bomCrlfAndLfAreAllAccepted() throws Exception {
        String body = "#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\r\n"
                + "2026-11-24 14:00:01 / 200 0 0 5\r\n"
                + "2026-11-24 14:00:02 / 502 3 12029 20\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);
        Path f = dir.resolve("u_ex261124.log");
        Files.write(f, all);
        LogSummary s = all(f);
        assertThat(s.requests()).isEqualTo(2);
        assertThat(s.malformedLines()).isZero();
        assertThat(s.win32For502_3()).containsEntry(12029, 1L);
    }

    @Test
    void newFieldsMidFileAppliesFromTheNextLine() throws Exception {
        Path f = write("u_ex261124.log", "#Software: Microsoft Internet Information Services 10.0\n#Fields: date time sc-status sc-substatus\n"
                + "2026-11-24 14:00:01 502 3\n"
                + "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2026-11-24 14:00:02\n"
                + "#Fields: date time sc-substatus sc-win32-status sc-status\n"
                + "2026-11-24 14:00:03 3 12002 502\n"
                + "2026-11-24 14:00:04 0 0 200\n");
        LogSummary s = all(f);
        assertThat(s.requests()).isEqualTo(3);
        assertThat(s.count502_3()).isEqualTo(2);
        assertThat(s.win32For502_3()).containsEntry(0, 1L).containsEntry(12002, 1L);
        assertThat(s.count("200.0")).isEqualTo(1);
    }

    @Test
    void malformedLinesAreCountedWithFileAndLineNumberAndNeverFatal() throws Exception {
        Path f = write("u_ex261124.log", "2026-11-24 14:00:00 200 0\n"
                + "#Fields: date time sc-status sc-substatus time-taken\n"
                + "2026-11-24 14:00:01 200 0 12\n"
                + "2026-11-24 14:00:02 200 0\n"
                + "2026-11-24 14:00:03 2x0 0 5\n"
                + "2026-13-24 14:00:04 200 0 5\n"
                + "2026-11-24 14:00:05 502 3 30001\n");
        LogSummary s = engine.analyze(LogRequest.builder().input(f).maxMalformedExamples(3).build());
        assertThat(s.requests()).isEqualTo(2);
        assertThat(s.malformedLines()).isEqualTo(4);
        assertThat(s.malformedExamples()).extracting(MalformedLine::lineNumber).containsExactly(1L, 4L, 5L);
        assertThat(s.malformedExamples()).allSatisfy(m -> assertThat(m.file()).isEqualTo(f.toString()));
        assertThat(s.malformedExamples().get(1).reason()).contains("expected 5 fields, found 4");
    }

    @Test
    void aPartialLastLineIsNotCountedUntilComplete() throws Exception {
        String head = "#Fields: date time sc-status sc-substatus\n2026-11-24 14:00:01 200 0\n";
        Path f = write("u_ex261124.log", head + "2026-11-24 14:00:02 50");
        assertThat(all(f).requests()).isEqualTo(1);
        assertThat(all(f).malformedLines()).isZero();
        Files.writeString(f, head + "2026-11-24 14:00:02 502 3\n");
        assertThat(all(f).count502_3()).isEqualTo(1);
    }

    @Test
    void windowSelectsByTimeAndAnchorLatestEndsAtTheNewestRequest() throws Exception {
        StringBuilder sb = new StringBuilder("#Fields: date time sc-status sc-substatus\n");
        for (int m = 0; m < 60; m++) {
            sb.append(String.format("2026-11-24 14:%02d:30 200 0%n", m));
        }
        Path f = write("u_ex261124.log", sb.toString());
        LogSummary last15 = engine.analyze(LogRequest.builder().input(f).window(LogWindow.last(Duration.ofMinutes(15)))
                .now(Instant.parse("2026-11-24T14:30:00Z")).build());
        // whole minutes whose start lies in (14:15:00, 14:30:00]: 14:16 .. 14:30
        assertThat(last15.requests()).isEqualTo(15);
        assertThat(last15.firstRequest()).isEqualTo(Instant.parse("2026-11-24T14:16:30Z"));
        LogSummary latest = engine.analyze(LogRequest.builder().input(f).window(LogWindow.last(Duration.ofMinutes(10)))
                .now(Instant.parse("2030-01-01T00:00:00Z")).anchorLatest(true).build());
        assertThat(latest.requests()).isEqualTo(10); // 14:50:30 .. 14:59:30 inclusive of the newest
        assertThat(latest.lastRequest()).isEqualTo(Instant.parse("2026-11-24T14:59:30Z"));
        LogSummary between = engine.analyze(LogRequest.builder().input(f)
                .window(LogWindow.between(Instant.parse("2026-11-24T14:10:00Z"), Instant.parse("2026-11-24T14:20:00Z"))).build());
        assertThat(between.requests()).isEqualTo(10);
        assertThat(between.perMinute()).hasSize(10);
    }

    @Test
    void missingOrUnreadableInputIsAOneLineCheckedException() {
        assertThatThrownBy(() -> all(dir.resolve("nope")))
                .isInstanceOf(LogEngineException.class)
                .hasMessageContaining("log input not found").hasMessageNotContaining("\n");
    }

    @Test
    void siteFallsBackToTheW3svcFolderWhenSitenameIsNotLogged() throws Exception {
        Path f = write("logs/W3SVC7/u_ex2611.log", "#Fields: date time s-ip sc-status\n2026-11-24 14:00:01 10.0.0.10 200\n");
        LogSummary s = all(dir.resolve("logs"));
        assertThat(s.sites()).extracting(GroupStats::key).containsExactly("W3SVC7");
        assertThat(s.serverIps()).extracting(GroupStats::key).containsExactly("10.0.0.10");
        assertThat(s.count("200.0")).isEqualTo(1);
    }
}
