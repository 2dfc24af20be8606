package io.arr502.core.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes realistic IIS W3C logs for an ARR front end, seeded, and tallies what it wrote so tests can
 * compare the engine with counts computed without it. The incident: between {@code incidentFrom} and
 * {@code incidentTo} the report route's backend needs 35–60 s, so ARR (30 s farm timeout) answers
 * {@code 502 3 12002} after ≈30 s; a brief app02 recycle adds a few {@code 502 3 12029}.
 */
public final class IisLogGenerator {

    public static final List<String> FULL_FIELDS = List.of("date", "time", "s-sitename", "s-computername", "s-ip",
            "cs-method", "cs-uri-stem", "cs-uri-query", "s-port", "cs-username", "c-ip", "cs-version",
            "cs(User-Agent)", "cs(Referer)", "cs-host", "sc-status", "sc-substatus", "sc-win32-status", "sc-bytes",
            "cs-bytes", "time-taken");
    public static final List<String> DEFAULT_FIELDS = List.of("date", "time", "s-ip", "cs-method", "cs-uri-stem",
            "cs-uri-query", "s-port", "cs-username", "c-ip", "cs(User-Agent)", "cs(Referer)", "sc-status",
            "sc-substatus", "sc-win32-status", "time-taken");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HEADER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** What was written, counted independently of the engine. */
    public static final class Tally {
        public long requests;
        public final Map<String, Long> byStatus = new TreeMap<>();
        public final Map<Integer, Long> win32For5023 = new TreeMap<>();
        public final Map<String, Long> routeRequests = new TreeMap<>();
        public final Map<String, Long> route5023 = new TreeMap<>();
        public final Map<Long, Long> requestsPerMinute = new TreeMap<>();
        public final Map<Long, Long> c5023PerMinute = new TreeMap<>();
        public long malformed;

        void add(long epochSecond, String route, int status, int sub, int win32) {
            requests++;
            byStatus.merge(status + "." + sub, 1L, Long::sum);
            routeRequests.merge(route, 1L, Long::sum);
            long minute = Math.floorDiv(epochSecond, 60);
            requestsPerMinute.merge(minute, 1L, Long::sum);
            if (status == 502 && sub == 3) {
                win32For5023.merge(win32, 1L, Long::sum);
                route5023.merge(route, 1L, Long::sum);
                c5023PerMinute.merge(minute, 1L, Long::sum);
            }
        }

        public long count(String s) {
            return byStatus.getOrDefault(s, 0L);
        }
    }

    private static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");
    private final SplittableRandom rnd;
    private List<String> fields = FULL_FIELDS;
    private Instant incidentFrom = NEVER;
    private Instant incidentTo = NEVER;
    private Instant recycleAt = NEVER;
    private boolean crlf = true;
    private double requestsPerSecond = 3.0;
    public final Tally tally = new Tally();

    public IisLogGenerator(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    public IisLogGenerator fields(List<String> f) {
        this.fields = f;
        return this;
    }

    public IisLogGenerator incident(Instant from, Instant to) {
        this.incidentFrom = from;
        this.incidentTo = to;
        return this;
    }

    public IisLogGenerator recycleAt(Instant at) {
        this.recycleAt = at;
        return this;
    }

    public IisLogGenerator lf() {
        this.crlf = false;
        return this;
    }

    public IisLogGenerator rate(double perSecond) {
        this.requestsPerSecond = perSecond;
        return this;
    }

    public String eol() {
        return crlf ? "\r\n" : "\n";
    }

    public String header(Instant at) {
        String nl = eol();
        return "#Software: Microsoft Internet Information Services 10.0" + nl + "#Version: 1.0" + nl
                + "#Date: " + HEADER.format(at) + nl + "#Fields: " + String.join(" ", fields) + nl;
    }

    /** Writes a header block and requests for [from, to) to the file (appending when it exists). */
    public void write(Path file, Instant from, Instant to) throws IOException {
        boolean exists = Files.exists(file);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                exists ? new java.nio.file.OpenOption[]{java.nio.file.StandardOpenOption.APPEND}
                        : new java.nio.file.OpenOption[]{java.nio.file.StandardOpenOption.CREATE_NEW})) {
            w.write(header(from));
            writeRequests(w, from, to);
        }
    }

    public void writeRequests(Appendable w, Instant from, Instant to) throws IOException {
        long ms = from.toEpochMilli();
        long end = to.toEpochMilli();
        double meanGapMs = 1000.0 / requestsPerSecond;
        while (true) {
            ms += (long) (-Math.log(1 - rnd.nextDouble()) * meanGapMs) + 1;
            if (ms >= end) {
                break;
            }
            w.append(line(Instant.ofEpochMilli(ms))).append(eol());
        }
    }

    /** One request line in the current field set; tallied. */
    public String line(Instant at) {
        String[] routeAndPath = pickRoute();
        String route = routeAndPath[0];
        String path = routeAndPath[1];
        int status = 200;
        int sub = 0;
        int win32 = 0;
        long taken = 15 + (long) (Math.abs(rnd.nextGaussian()) * 60);
        String server = rnd.nextBoolean() ? "app01" : "app02";
        boolean inIncident = !at.isBefore(incidentFrom) && at.isBefore(incidentTo);
        switch (route) {
            case "/api/reports/{id}" -> {
                if (inIncident) {
                    if (rnd.nextInt(10) < 8) {
                        status = 502;
                        sub = 3;
                        win32 = 12002;
                        taken = 29_880 + rnd.nextLong(180);
                    } else {
                        taken = 20_000 + rnd.nextLong(9_000);
                    }
                } else {
                    taken = 2_000 + rnd.nextLong(6_000);
                }
            }
            case "/css/site.css" -> {
                if (rnd.nextInt(4) == 0) {
                    status = 304;
                }
                taken = rnd.nextLong(5);
            }
            case "/api/slow-endpoint" -> taken = 3_000 + rnd.nextLong(4_000);
            default -> {
                if (rnd.nextInt(400) == 0) {
                    status = 404;
                }
            }
        }
        if (status == 200 && server.equals("app02") && !route.equals("/css/site.css")
                && Math.abs(at.toEpochMilli() - recycleAt.toEpochMilli()) < 20_000) {
            status = 502;
            sub = 3;
            win32 = 12029;
            taken = 10 + rnd.nextLong(30);
        }
        tally.add(at.getEpochSecond(), route, status, sub, win32);
        StringBuilder b = new StringBuilder(256);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(value(fields.get(i), at, path, status, sub, win32, taken));
        }
        return b.toString();
    }

    private String value(String field, Instant at, String path, int status, int sub, int win32, long taken) {
        return switch (field) {
            case "date" -> DATE.format(at);
            case "time" -> TIME.format(at);
            case "s-sitename" -> "W3SVC1";
            case "s-computername" -> "ARR01";
            case "s-ip" -> "10.0.0.10";
            case "cs-method" -> path.startsWith("/api/orders") && rnd.nextInt(5) == 0 ? "POST" : "GET";
            case "cs-uri-stem" -> path;
            case "cs-uri-query" -> path.startsWith("/api/reports") ? "format=pdf" : "-";
            case "s-port" -> "443";
            case "cs-username" -> rnd.nextInt(3) == 0 ? "CONTOSO\\jdoe" : "-";
            case "c-ip" -> "192.0.2." + (1 + rnd.nextInt(200));
            case "cs-version" -> "HTTP/1.1";
            case "cs(User-Agent)" -> rnd.nextBoolean()
                    ? "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/131.0.0.0+Safari/537.36"
                    : "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64;+rv:133.0)+Gecko/20100101+Firefox/133.0";
            case "cs(Referer)" -> rnd.nextBoolean() ? "https://portal.contoso.com/" : "-";
            case "cs-host" -> "portal.contoso.com";
            case "sc-status" -> Integer.toString(status);
            case "sc-substatus" -> Integer.toString(sub);
            case "sc-win32-status" -> Integer.toString(win32);
            case "sc-bytes" -> Integer.toString(status == 502 ? 1477 : 300 + rnd.nextInt(20_000));
            case "cs-bytes" -> Integer.toString(400 + rnd.nextInt(900));
            case "time-taken" -> Long.toString(taken);
            default -> "-";
        };
    }

    private String[] pickRoute() {
        int r = rnd.nextInt(100);
        if (r < 20) {
            return new String[]{"/", "/"};
        }
        if (r < 45) {
            long id = 10_000 + rnd.nextInt(90_000);
            return new String[]{"/api/orders/{id}", "/api/orders/" + id};
        }
        if (r < 60) {
            return new String[]{"/api/customers/{guid}", "/api/customers/" + new UUID(rnd.nextLong(), rnd.nextLong())};
        }
        if (r < 72) {
            return new String[]{"/api/reports/{id}", "/api/reports/" + (4000 + rnd.nextInt(1000))};
        }
        if (r < 80) {
            return new String[]{"/health", "/health"};
        }
        if (r < 97) {
            return new String[]{"/css/site.css", "/css/site.css"};
        }
        return new String[]{"/api/slow-endpoint", "/api/slow-endpoint"};
    }

    /** Minimal map of the tallied status counts, for AssertJ's containsAllEntriesOf. */
    public Map<String, Long> statusTally() {
        return new HashMap<>(tally.byStatus);
    }
}
