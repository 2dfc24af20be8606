package io.arr502.core.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Map;
import java.util.zip.DataFormatException;

/**
 * {@link Stats} to and from the JSON kept in the incremental state file, with Jackson's streaming API:
 * a scheduled check then never starts databind (about 25 ms of its start-up).
 */
final class StatsJson {

    private StatsJson() {
    }

    static void write(JsonGenerator g, Stats s) throws IOException {
        g.writeStartObject();
        g.writeNumberField("requests", s.requests);
        g.writeObjectFieldStart("status");
        for (Map.Entry<Integer, long[]> e : s.byStatus.entrySet()) {
            g.writeNumberField(Integer.toString(e.getKey()), e.getValue()[0]);
        }
        g.writeEndObject();
        writeCounts(g, "win32", s.win32For5023);
        g.writeObjectFieldStart("routes");
        for (Map.Entry<ByteKey, RouteAcc> e : s.routes.entrySet()) {
            RouteAcc r = e.getValue();
            r.settle();
            g.writeObjectFieldStart(e.getKey().toString());
            g.writeNumberField("r", r.requests);
            g.writeNumberField("c3", r.c502_3);
            g.writeNumberField("c4", r.c502_4);
            g.writeNumberField("c504", r.c504);
            if (r.all != null) {
                g.writeStringField("all", Histograms.encode(r.all));
            }
            if (r.ok != null) {
                g.writeStringField("ok", Histograms.encode(r.ok));
            }
            if (r.failed502_3 != null) {
                g.writeStringField("f", Histograms.encode(r.failed502_3));
            }
            writeCounts(g, "w", r.win32);
            if (r.max[0] != RouteAcc.NO_MAX && r.max[0] != RouteAcc.MAX_UNKNOWN) {
                g.writeArrayFieldStart("mx");
                for (long m : r.max) {
                    g.writeNumber(m == RouteAcc.MAX_UNKNOWN ? -2 : m);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        writeGroups(g, "sites", s.sites);
        writeGroups(g, "ips", s.ips);
        g.writeEndObject();
    }

    private static void writeCounts(JsonGenerator g, String name, Map<Long, long[]> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<Long, long[]> e : counts.entrySet()) {
            g.writeNumberField(Long.toString(e.getKey()), e.getValue()[0]);
        }
        g.writeEndObject();
    }

    private static void writeGroups(JsonGenerator g, String name, Map<ByteKey, long[]> groups) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<ByteKey, long[]> e : groups.entrySet()) {
            g.writeArrayFieldStart(e.getKey().toString());
            for (long x : e.getValue()) {
                g.writeNumber(x);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** Reads the object the parser is on (its START_OBJECT is the current token); unknown fields are skipped. */
    static Stats read(JsonParser p) throws IOException, DataFormatException {
        return read(p, Stats.MAX_ROUTES);
    }

    /** Like {@link #read(JsonParser)}, keeping at most maxRoutes routes (the rest in the overflow bucket, as a run would). */
    static Stats read(JsonParser p, int maxRoutes) throws IOException, DataFormatException {
        expect(p, JsonToken.START_OBJECT, "minute");
        Stats s = new Stats(maxRoutes);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (p.nextToken() == null) {
                throw new IOException("state ends inside a minute");
            }
            switch (field) {
                case "requests" -> s.requests = number(p);
                case "status" -> {
                    expect(p, JsonToken.START_OBJECT, field);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        int key = Integer.parseInt(p.currentName());
                        p.nextToken();
                        s.byStatus.put(key, new long[]{number(p)});
                    }
                }
                case "win32" -> readCounts(p, s.win32For5023);
                case "routes" -> {
                    expect(p, JsonToken.START_OBJECT, field);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        ByteKey key = ByteKey.of(p.currentName());
                        p.nextToken();
                        s.routeInterned(key).combine(readRoute(p), true);
                    }
                }
                case "sites" -> readGroups(p, s.sites);
                case "ips" -> readGroups(p, s.ips);
                default -> p.skipChildren();
            }
        }
        expect(p, JsonToken.END_OBJECT, "minute");
        return s;
    }

    private static RouteAcc readRoute(JsonParser p) throws IOException, DataFormatException {
        expect(p, JsonToken.START_OBJECT, "route");
        RouteAcc r = new RouteAcc();
        boolean hasMax = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "r" -> r.requests = number(p);
                case "c3" -> r.c502_3 = number(p);
                case "c4" -> r.c502_4 = number(p);
                case "c504" -> r.c504 = number(p);
                case "all" -> r.allRead = histogram(p);
                case "ok" -> r.okRead = histogram(p);
                case "f" -> r.failedRead = histogram(p);
                case "w" -> readCounts(p, r.win32);
                case "mx" -> {
                    long[] m = longs(p, 3);
                    for (int k = 0; k < 3; k++) {
                        r.max[k] = m[k] < -1 ? RouteAcc.MAX_UNKNOWN : m[k];
                    }
                    hasMax = true;
                }
                default -> p.skipChildren();
            }
        }
        expect(p, JsonToken.END_OBJECT, "route");
        if (!hasMax) {
            // written before the exact maximum was kept: the histograms' must stand in for it
            r.max[RouteAcc.ALL] = r.allRead == null ? RouteAcc.NO_MAX : RouteAcc.MAX_UNKNOWN;
            r.max[RouteAcc.OK] = r.okRead == null ? RouteAcc.NO_MAX : RouteAcc.MAX_UNKNOWN;
            r.max[RouteAcc.FAILED] = r.failedRead == null ? RouteAcc.NO_MAX : RouteAcc.MAX_UNKNOWN;
        }
        return r;
    }

    private static SparseCounts histogram(JsonParser p) throws IOException, DataFormatException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, JsonToken.VALUE_STRING, "histogram");
        return Histograms.decodeCounts(p.getText());
    }

    private static void readCounts(JsonParser p, Map<Long, long[]> into) throws IOException {
        expect(p, JsonToken.START_OBJECT, "counts");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            long key = Long.parseLong(p.currentName());
            p.nextToken();
            into.put(key, new long[]{number(p)});
        }
    }

    private static void readGroups(JsonParser p, Map<ByteKey, long[]> into) throws IOException {
        expect(p, JsonToken.START_OBJECT, "groups");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            ByteKey key = ByteKey.of(p.currentName());
            p.nextToken();
            into.put(key, longs(p, 4));
        }
    }

    /** The array the parser is on, as exactly {@code width} longs (missing ones 0, extra ones skipped). */
    static long[] longs(JsonParser p, int width) throws IOException {
        expect(p, JsonToken.START_ARRAY, "array");
        long[] v = new long[width];
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IOException("state ends inside an array");
            }
            if (i < width) {
                v[i] = number(p);
            } else {
                p.skipChildren();
            }
            i++;
        }
        return v;
    }

    /** The current value, which must be an integer: a damaged count or offset must not read as 0. */
    static long number(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new IOException("state holds " + p.currentToken() + " where a number belongs");
        }
        return p.getLongValue();
    }

    static void expect(JsonParser p, JsonToken want, String what) throws IOException {
        if (p.currentToken() != want) {
            throw new IOException("state " + what + " is not " + want.asString() + " but " + p.currentToken());
        }
    }
}
