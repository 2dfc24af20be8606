package io.arr502.core.log;

import io.arr502.core.route.RouteNormalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Seeded generator of realistic IIS W3C lines. Tallies what it wrote on its own (not through the
 * engine), so tests compare the engine with an independent count.
 */
final class W3cLogGenerator {
    static final String SOFTWARE = "#Software: Microsoft Internet Information Services 10.0";
    static final String FULL_FIELDS = "date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port "
            + "cs-username c-ip cs-version cs(User-Agent) cs(Referer) cs-host sc-status sc-substatus sc-win32-status sc-bytes cs-bytes time-taken";
    static final String DEFAULT_FIELDS = "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
            + "cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String[] AGENTS = {
        "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/131.0.0.0+Safari/537.36",
        "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64;+rv:133.0)+Gecko/20100101+Firefox/133.0",
        "ReportsClient/2.4+(.NET+8.0)", "kube-probe/1.30", "-"};

    final SplittableRandom rnd;
    boolean fullFields = true;
    /** When true, /api/reports/{id} requests time out at the ARR 30 s limit (the incident). */
    boolean reportsSlow;
    /** When true, some app02 requests fail to connect (app pool recycle). */
    boolean app02Down;

    long requests;
    final Map<String, Long> byStatus = new TreeMap<>();
    final Map<Integer, Long> win32For502_3 = new TreeMap<>();
    final Map<String, long[]> routes = new TreeMap<>(); // route -> {requests, 502.3}
    long malformed;

    W3cLogGenerator(long seed) {
        rnd = new SplittableRandom(seed);
    }

    static String header(Instant at, String fields) {
        return SOFTWARE + "\r\n#Version: 1.0\r\n#Date: " + DATE.format(at) + " " + TIME.format(at) + "\r\n#Fields: " + fields + "\r\n";
    }

    String header(Instant at) {
        return header(at, fullFields ? FULL_FIELDS : DEFAULT_FIELDS);
    }

    /** One request line (with CRLF) at the given time, tallied. */
    String line(Instant at) {
        int pick = rnd.nextInt(100);
        String stem;
        String query = "-";
        long taken;
        int status = 200, sub = 0, win32 = 0;
        if (pick < 20) {
            stem = "/";
            taken = 5 + rnd.nextInt(60);
        } else if (pick < 45) {
            stem = "/api/orders/" + (1000 + rnd.nextInt(90000));
            taken = 20 + rnd.nextInt(250);
        } else if (pick < 60) {
            stem = "/api/customers/" + guid();
            query = "expand=orders";
            taken = 15 + rnd.nextInt(180);
        } else if (pick < 75) {
            stem = "/health";
            taken = 1 + rnd.nextInt(15);
        } else if (pick < 85) {
            stem = "/css/site.css";
            taken = 1 + rnd.nextInt(8);
            if (rnd.nextInt(4) == 0) {
                status = 304;
            }
        } else if (pick < 90) {
            stem = "/api/slow-endpoint";
            taken = 300 + rnd.nextInt(900);
        } else {
            stem = "/api/reports/" + (4000 + rnd.nextInt(1500));
            query = "format=pdf";
            if (reportsSlow && rnd.nextInt(10) < 8) {
                status = 502;
                sub = 3;
                win32 = 12002;
                taken = 29_900 + rnd.nextInt(200);
            } else if (reportsSlow) {
                taken = 20_000 + rnd.nextInt(9_000);
            } else {
                taken = 800 + rnd.nextInt(3000);
            }
        }
        boolean app02 = rnd.nextBoolean();
        if (app02Down && app02 && status == 200 && rnd.nextInt(12) == 0) {
            status = 502;
            sub = 3;
            win32 = 12029;
            taken = 15 + rnd.nextInt(40);
        }
        if (status == 200 && rnd.nextInt(200) == 0) {
            status = 404;
            sub = 0;
            win32 = 2;
        }
        String c = "10.1." + rnd.nextInt(4) + "." + (2 + rnd.nextInt(250));
        String agent = AGENTS[rnd.nextInt(AGENTS.length)];
        String referer = rnd.nextInt(3) == 0 ? "https://shop.contoso.com/" : "-";
        long bytes = status == 502 ? 1477 : 200 + rnd.nextInt(40_000);
        StringBuilder sb = new StringBuilder(256);
        sb.append(DATE.format(at)).append(' ').append(TIME.format(at)).append(' ');
        if (fullFields) {
            sb.append("W3SVC1 ARR01 ");
        }
        sb.append("10.0.0.10 GET ").append(stem).append(' ').append(query).append(" 443 - ").append(c).append(' ');
        if (fullFields) {
            sb.append("HTTP/1.1 ");
        }
        sb.append(agent).append(' ');
        sb.append(referer).append(' ');
        if (fullFields) {
            sb.append("shop.contoso.com ");
        }
        sb.append(status).append(' ').append(sub).append(' ').append(win32).append(' ');
        if (fullFields) {
            sb.append(bytes).append(' ').append(300 + rnd.nextInt(900)).append(' ');
        }
        sb.append(taken).append("\r\n");
        tally(stem, status, sub, win32);
        return sb.toString();
    }

    private void tally(String stem, int status, int sub, int win32) {
        requests++;
        byStatus.merge(status + "." + sub, 1L, Long::sum);
        long[] r = routes.computeIfAbsent(RouteNormalizer.normalize(stem), k -> new long[2]);
        r[0]++;
        if (status == 502 && sub == 3) {
            win32For502_3.merge(win32, 1L, Long::sum);
            r[1]++;
        }
    }

    String guid() {
        return String.format("%08x-%04x-%04x-%04x-%012x", rnd.nextInt() & 0xffffffffL, rnd.nextInt(0x10000),
                rnd.nextInt(0x10000), rnd.nextInt(0x10000), rnd.nextLong() & 0xffffffffffffL);
    }

    /** Lines at {@code perSecond} average rate from {@code from} for {@code seconds}. */
    String lines(Instant from, int seconds, int perSecond) {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < seconds; s++) {
            int n = rnd.nextInt(2 * perSecond + 1);
            for (int k = 0; k < n; k++) {
                sb.append(line(from.plusSeconds(s)));
            }
        }
        return sb.toString();
    }
}
