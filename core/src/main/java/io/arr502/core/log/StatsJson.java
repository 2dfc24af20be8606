package io.arr502.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.zip.DataFormatException;

/** {@link Stats} to and from the JSON kept in the incremental state file. */
final class StatsJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StatsJson() {
    }

    static ObjectNode write(Stats s) {
        ObjectNode o = F.objectNode();
        o.put("requests", s.requests);
        ObjectNode st = o.putObject("status");
        s.byStatus.forEach((k, v) -> st.put(Integer.toString(k), v[0]));
        ObjectNode w = o.putObject("win32");
        s.win32For5023.forEach((k, v) -> w.put(Long.toString(k), v[0]));
        ObjectNode routes = o.putObject("routes");
        s.routes.forEach((k, r) -> {
            ObjectNode ro = routes.putObject(k.toString());
            ro.put("r", r.requests).put("c3", r.c502_3).put("c4", r.c502_4).put("c504", r.c504);
            if (r.all != null) {
                ro.put("all", Histograms.encode(r.all));
            }
            if (r.ok != null) {
                ro.put("ok", Histograms.encode(r.ok));
            }
            if (r.failed502_3 != null) {
                ro.put("f", Histograms.encode(r.failed502_3));
            }
            ObjectNode rw = ro.putObject("w");
            r.win32.forEach((c, v) -> rw.put(Long.toString(c), v[0]));
        });
        writeGroups(o.putObject("sites"), s.sites);
        writeGroups(o.putObject("ips"), s.ips);
        return o;
    }

    private static void writeGroups(ObjectNode into, Map<ByteKey, long[]> groups) {
        groups.forEach((k, v) -> {
            var a = into.putArray(k.toString());
            for (long x : v) {
                a.add(x);
            }
        });
    }

    static Stats read(JsonNode o) throws DataFormatException {
        Stats s = new Stats();
        s.requests = o.path("requests").asLong();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("status").fields(); it.hasNext(); ) {
            var e = it.next();
            s.byStatus.put(Integer.parseInt(e.getKey()), new long[]{e.getValue().asLong()});
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("win32").fields(); it.hasNext(); ) {
            var e = it.next();
            s.win32For5023.put(Long.parseLong(e.getKey()), new long[]{e.getValue().asLong()});
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("routes").fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode ro = e.getValue();
            RouteAcc r = new RouteAcc();
            r.requests = ro.path("r").asLong();
            r.c502_3 = ro.path("c3").asLong();
            r.c502_4 = ro.path("c4").asLong();
            r.c504 = ro.path("c504").asLong();
            if (ro.hasNonNull("all")) {
                r.all = Histograms.decode(ro.get("all").asText());
            }
            if (ro.hasNonNull("ok")) {
                r.ok = Histograms.decode(ro.get("ok").asText());
            }
            if (ro.hasNonNull("f")) {
                r.failed502_3 = Histograms.decode(ro.get("f").asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> wi = ro.path("w").fields(); wi.hasNext(); ) {
                var we = wi.next();
                r.win32.put(Long.parseLong(we.getKey()), new long[]{we.getValue().asLong()});
            }
            s.routes.put(ByteKey.of(e.getKey()), r);
        }
        readGroups(o.path("sites"), s.sites);
        readGroups(o.path("ips"), s.ips);
        return s;
    }

    private static void readGroups(JsonNode node, Map<ByteKey, long[]> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            long[] v = new long[4];
            for (int i = 0; i < 4 && i < e.getValue().size(); i++) {
                v[i] = e.getValue().get(i).asLong();
            }
            into.put(ByteKey.of(e.getKey()), v);
        }
    }
}
