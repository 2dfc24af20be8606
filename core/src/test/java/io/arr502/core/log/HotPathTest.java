package io.arr502.core.log;

import io.arr502.core.route.RouteNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The scanner's shortcuts (minute cache, interned routes, site/IP cache, word-at-a-time fields) against plain counting. */
class HotPathTest {
    @TempDir
    Path dir;

    private LogSummary analyze(String text, int threads) throws Exception {
        Path f = Files.createDirectories(dir.resolve("W3SVC7")).resolve("u_ex261124.log");
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return LogEngine.analyze(LogRequest.of(List.of(f), Window.all()).withThreads(threads));
    }

    @Test
    void aRepeatedMinuteStillChecksEachLinesSeconds() throws Exception {
        LogSummary s = analyze("""
                #Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken
                2026-11-24 14:00:01 /a 200 0 0 1
                2026-11-24 14:00:6x /a 200 0 0 1
                2026-11-24 14:00:61 /a 200 0 0 1
                2026-11-24 14:00:60 /a 200 0 0 1
                2026-11-25 14:00:02 /a 200 0 0 1
                2026-11-24 14:0x:02 /a 200 0 0 1
                2026-11-24 14:01:00 /a 502 3 12002 30000
                """, 1);
        assertThat(s.requests()).isEqualTo(4);
        assertThat(s.malformedExamples()).extracting(MalformedLine::lineNumber).containsExactly(3L, 4L, 7L);
        assertThat(s.perMinute()).extracting(MinuteBucket::requests).containsExactly(2L, 1L, 1L);
    }

    @Test
    void manyDistinctRoutesAndServerIpsAreCountedExactly() throws Exception {
        // more routes than the scanner interns and more server IPs than its cache holds, interleaved
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder b = new StringBuilder("#Fields: date time s-ip cs-uri-stem cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\n");
        Map<String, Long> perRoute = new HashMap<>();
        Map<String, Long> perIp = new HashMap<>();
        int lines = 30_000;
        for (int i = 0; i < lines; i++) {
            String ip = "10.0.0." + r.nextInt(9);
            String uri = r.nextBoolean() ? "/api/orders/" + r.nextInt(100_000) : "/static/p" + r.nextInt(20_000) + "x/page";
            boolean fail = r.nextInt(10) == 0;
            b.append(String.format("2026-11-24 14:%02d:%02d %s %s Mozilla/5.0+(X11) %s %d%n", i / 600, (i / 10) % 60, ip, uri,
                    fail ? "502 3 12002" : "200 0 0", r.nextInt(5000)));
            perRoute.merge(RouteNormalizer.normalize(uri), 1L, Long::sum);
            perIp.merge(ip, 1L, Long::sum);
        }
        assertThat(perRoute).as("more distinct routes than one scanner interns").hasSizeGreaterThan(RouteTable.MAX_ENTRIES);
        LogSummary s = analyze(b.toString(), 1);
        assertThat(s.requests()).isEqualTo(lines);
        assertThat(s.malformedLines()).isZero();
        assertThat(s.routes().stream().mapToLong(RouteStats::requests).sum()).isEqualTo(lines);
        assertThat(s.routes()).hasSize(Stats.MAX_ROUTES + 1);
        Map<String, Long> got = new HashMap<>();
        s.routes().forEach(rs -> got.put(rs.route(), rs.requests()));
        assertThat(got.get("/api/orders/{id}")).isEqualTo(perRoute.get("/api/orders/{id}"));
        Map<String, Long> ips = new HashMap<>();
        s.serverIps().forEach(g -> ips.put(g.key(), g.requests()));
        assertThat(ips).isEqualTo(perIp);
        assertThat(s.sites()).extracting(GroupStats::key).containsExactly("W3SVC7");
    }

    @Test
    void fieldsAreFoundAtEveryAlignmentAndLength() throws Exception {
        // the same request with the URI padded so that spaces fall on every byte of a word, including
        // lines shorter than a word and fields at the very start and end of the line
        StringBuilder b = new StringBuilder("#Fields: sc-status cs-uri-stem time-taken\n");
        for (int pad = 0; pad < 24; pad++) {
            b.append("502 /").append("a".repeat(pad)).append(" ").append(pad).append('\n');
        }
        b.append("200 / 1\n");
        LogSummary s = analyze(b.toString(), 1);
        assertThat(s.malformedLines()).isZero();
        assertThat(s.requests()).isEqualTo(25);
        assertThat(s.count(LogSummary.UNKNOWN_SUBSTATUS_502)).as("no sc-substatus: a 502 of unknown substatus").isEqualTo(24);
        assertThat(s.routes()).hasSize(24);
        assertThat(s.routes().stream().filter(x -> x.route().equals("/aaaaaaaaaaaaaaaaaaaaaaa")).findFirst().orElseThrow()
                .all().max()).isEqualTo(23);
    }

    @Test
    void theRouteCapHoldsAcrossTheMinutesOfAWindow() throws Exception {
        // 1,000 new routes in each of 20 minutes: every minute is under the cap, the window is not
        StringBuilder b = new StringBuilder("#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        for (int m = 0; m < 20; m++) {
            for (int k = 0; k < 1000; k++) {
                b.append(String.format("2026-11-24 14:%02d:00 /r%dx%d 200 0 0 5%n", m, m, k));
            }
        }
        Path f = Files.createDirectories(dir.resolve("W3SVC1")).resolve("u_ex261124.log");
        Files.writeString(f, b);
        LogSummary s = LogEngine.analyze(LogRequest.of(List.of(f), Window.lastBeforeNewest(java.time.Duration.ofMinutes(20)))
                .withState(dir.resolve("state.json")));
        assertThat(s.requests()).isEqualTo(20_000);
        assertThat(s.routes()).hasSize(Stats.MAX_ROUTES + 1);
        assertThat(s.routes().stream().mapToLong(RouteStats::requests).sum()).isEqualTo(20_000);
        assertThat(s.routes()).filteredOn(r -> r.route().equals(Stats.OTHER_ROUTES)).singleElement()
                .extracting(RouteStats::requests).isEqualTo(18_000L);
    }

    @Test
    void aLineLongerThanTheReadBufferIsReadAndOneBeyondTheLimitIsOneMalformedLine() throws Exception {
        String fields = "#Fields: date time cs-uri-stem cs-uri-query sc-status sc-substatus sc-win32-status time-taken\n";
        String longQuery = "q=" + "x".repeat(1 << 20);          // 1 MiB: four times the read buffer
        String tooLong = "q=" + "y".repeat(ChunkScanner.MAX_LINE + 10);
        LogSummary s = analyze(fields
                + "2026-11-24 14:00:01 /before - 200 0 0 5\n"
                + "2026-11-24 14:00:02 /long " + longQuery + " 502 3 12002 30000\n"
                + "2026-11-24 14:00:03 /toolong " + tooLong + " 200 0 0 5\n"
                + "2026-11-24 14:00:04 /after - 200 0 0 5\n", 1);
        assertThat(s.requests()).isEqualTo(3);
        assertThat(s.count502_3()).isEqualTo(1);
        assertThat(s.routes()).extracting(RouteStats::route).containsExactlyInAnyOrder("/before", "/long", "/after");
        assertThat(s.malformedExamples()).singleElement().satisfies(m -> {
            assertThat(m.lineNumber()).isEqualTo(4);
            assertThat(m.reason()).contains("longer than " + ChunkScanner.MAX_LINE);
        });
    }

    @Test
    void outcomesPastTheNumberedOnesAreCountedExactlyAlongsideThem() throws Exception {
        // more distinct status/substatus/win32 outcomes than a scanner numbers, interleaved with the common
        // ones, over several minutes, with and without time-taken; each counter against plain counting
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder b = new StringBuilder("#Fields: date time s-ip cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        Map<String, Long> byStatus = new HashMap<>();
        Map<Integer, Long> win32 = new HashMap<>();
        Map<String, long[]> perRoute = new HashMap<>(); // requests, 502.3, 502.4, 504
        long[][] perMinute = new long[5][7]; // requests, 502.3, 502.4, 504, 12002, 12029, 5xx
        long[] ip = new long[4];
        int lines = 20_000;
        for (int i = 0; i < lines; i++) {
            int status;
            int sub;
            long w;
            switch (r.nextInt(6)) {
                case 0 -> { status = 502; sub = 3; w = r.nextInt(3) == 0 ? 12002 : r.nextInt(3) == 0 ? 12029 : 12000 + r.nextInt(300); }
                case 1 -> { status = 100 + r.nextInt(500); sub = r.nextInt(4); w = r.nextInt(3); }
                case 2 -> { status = 502; sub = r.nextInt(6); w = 12029; }
                case 3 -> { status = 504; sub = r.nextInt(2); w = 12002; }
                default -> { status = 200; sub = 0; w = 0; }
            }
            String uri = "/r" + r.nextInt(3);
            int minute = i / 4000;
            b.append(String.format("2026-11-24 14:%02d:%02d 10.0.0.1 %s %d %d %d %s%n", minute, (i / 70) % 60, uri, status, sub, w,
                    r.nextInt(10) == 0 ? "-" : Integer.toString(r.nextInt(40_000))));
            byStatus.merge(status + "." + sub, 1L, Long::sum);
            boolean is5023 = status == 502 && sub == 3;
            boolean is5024 = status == 502 && sub == 4;
            if (is5023) {
                win32.merge((int) w, 1L, Long::sum);
            }
            long[] rc = perRoute.computeIfAbsent(uri, k -> new long[4]);
            long[] m = perMinute[minute];
            rc[0]++;
            m[0]++;
            ip[0]++;
            int group = is5023 ? 1 : is5024 ? 2 : status == 504 ? 3 : 0;
            if (group > 0) {
                rc[group]++;
                m[group]++;
                ip[group]++;
            }
            m[4] += is5023 && w == 12002 ? 1 : 0;
            m[5] += is5023 && w == 12029 ? 1 : 0;
            m[6] += status >= 500 ? 1 : 0;
        }
        assertThat(byStatus.size() + win32.size()).as("more outcomes than a scanner numbers").isGreaterThan(Outcomes.MAX * 2);
        for (int threads : new int[]{1, 2}) {
            LogSummary s = analyze(b.toString(), threads);
            assertThat(s.requests()).isEqualTo(lines);
            assertThat(s.byStatus()).isEqualTo(byStatus);
            assertThat(s.win32For502_3()).isEqualTo(win32);
            for (RouteStats rs : s.routes()) {
                long[] want = perRoute.get(rs.route());
                assertThat(new long[]{rs.requests(), rs.count502_3(), rs.count502_4(), rs.count504()}).as(rs.route()).containsExactly(want);
                assertThat(rs.win32For502_3().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(want[1]);
            }
            assertThat(s.routes()).hasSize(perRoute.size());
            assertThat(s.perMinute()).hasSize(5);
            for (int k = 0; k < 5; k++) {
                MinuteBucket mb = s.perMinute().get(k);
                assertThat(new long[]{mb.requests(), mb.count502_3(), mb.count502_4(), mb.count504(), mb.count12002(), mb.count12029(),
                        mb.count5xx()}).as("minute %d", k).containsExactly(perMinute[k]);
            }
            GroupStats g = s.serverIps().get(0);
            assertThat(new long[]{g.requests(), g.count502_3(), g.count502_4(), g.count504()}).containsExactly(ip);
        }
    }
}
