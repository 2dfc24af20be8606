package io.arr502.core.diagnosis;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.freb.FrebTrace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The backend-server dimension: FREB's routed server per 502.3 and ARR's per-server counters, one row per farm server. */
public final class BackendServers {
    private static final String ARR_SET = "\\application request routing server(";

    private BackendServers() {
    }

    public static List<BackendServer> of(Evidence ev) {
        Map<String, Row> rows = new LinkedHashMap<>();
        if (ev.freb() != null) {
            for (FrebTrace t : ev.freb().failed502_3()) {
                if (t.backendServer() == null || t.producer() == FrebTrace.Producer.ASPNET_CORE_MODULE) {
                    continue;
                }
                Row r = rows.computeIfAbsent(key(t.webFarm(), t.backendServer()), k -> new Row(t.webFarm(), t.backendServer()));
                r.traces++;
                r.win32.merge(t.win32() == null ? 0 : t.win32(), 1L, Long::sum);
            }
        }
        if (ev.collected() != null) {
            for (CollectedEvidence.CounterSample s : ev.collected().counters()) {
                String p = s.path().toLowerCase(Locale.ROOT);
                int open = p.indexOf(ARR_SET);
                int close = p.indexOf(")\\", open + 1);
                if (open < 0 || close < 0) {
                    continue;
                }
                String inst = p.substring(open + ARR_SET.length(), close);
                int slash = inst.indexOf('\\');
                if (slash < 0) {
                    continue; // _Total or a farm-level instance
                }
                String farm = inst.substring(0, slash);
                String server = inst.substring(slash + 1);
                Row r = rows.computeIfAbsent(key(farm, server), k -> new Row(farm, server));
                String counter = p.substring(close + 2);
                if (counter.equals("failed requests")) {
                    long v = Math.round(s.value());
                    r.firstFailed = r.firstFailed < 0 ? v : Math.min(r.firstFailed, v);
                    r.lastFailed = Math.max(r.lastFailed, v);
                } else if (counter.equals("health")) {
                    r.health = s.value();
                } else if (counter.equals("state")) {
                    r.state = s.value();
                }
            }
        }
        List<BackendServer> out = new ArrayList<>();
        for (Row r : rows.values()) {
            int top = r.win32.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
            out.add(new BackendServer(r.farm, r.server, r.traces, top, r.lastFailed, r.firstFailed < 0 ? -1 : r.lastFailed - r.firstFailed, r.health,
                    r.state));
        }
        out.sort(Comparator.comparingLong(BackendServer::failedTraces).thenComparingLong(BackendServer::failedRequestsRise).reversed());
        return List.copyOf(out);
    }

    /** One server that carries most of its farm's failures, with the farm's other servers. */
    public record Dominant(BackendServer server, long farmFailures, int farmServers, List<BackendServer> others, boolean byCounters) {
        public double share() {
            return farmFailures == 0 ? 0 : (double) (byCounters ? server.failedRequestsRise() : server.failedTraces()) / farmFailures;
        }
    }

    /**
     * The server carrying at least two thirds of its farm's failures (at least 3 FREB traces, else a Failed Requests
     * rise of at least 5), when the farm has more than one server (known from the evidence or the configuration).
     */
    public static java.util.Optional<Dominant> dominant(List<BackendServer> servers, io.arr502.core.config.ArrConfig config) {
        for (BackendServer top : servers) {
            List<BackendServer> farm = servers.stream().filter(s -> same(s.farm(), top.farm())).toList();
            int configured = config == null || top.farm() == null ? 0 : config.farms().stream().filter(f -> f.name().equalsIgnoreCase(top.farm()))
                    .mapToInt(f -> f.servers().size()).findFirst().orElse(0);
            int size = Math.max(farm.size(), configured);
            if (size < 2) {
                continue;
            }
            List<BackendServer> others = farm.stream().filter(s -> s != top).toList();
            long traces = farm.stream().mapToLong(BackendServer::failedTraces).sum();
            if (top.failedTraces() >= 3 && top.failedTraces() * 3 >= traces * 2) {
                return java.util.Optional.of(new Dominant(top, traces, size, others, false));
            }
            long rise = farm.stream().mapToLong(s -> Math.max(0, s.failedRequestsRise())).sum();
            if (top.failedTraces() == 0 && top.failedRequestsRise() >= 5 && top.failedRequestsRise() * 3 >= rise * 2) {
                return java.util.Optional.of(new Dominant(top, rise, size, others, true));
            }
        }
        return java.util.Optional.empty();
    }

    /** One line per server with its numbers. */
    public static String line(BackendServer s) {
        StringBuilder b = new StringBuilder(String.format(Locale.US, "%s%s: %d × 502.3 trace(s)", s.farm() == null ? "" : s.farm() + "\\", s.server(),
                s.failedTraces()));
        if (s.failedTraces() > 0) {
            b.append(" (mostly win32 ").append(s.topWin32()).append(')');
        }
        if (s.failedRequests() >= 0) {
            b.append(String.format(Locale.US, ", ARR Failed Requests %d (+%d while collected)", s.failedRequests(), s.failedRequestsRise()));
        }
        if (s.health() != null) {
            b.append(", ARR Health ").append(number(s.health()));
        }
        if (s.state() != null) {
            // iis-docs lists the State counter without its values; the UI's Available/Drain/Unavailable are not mapped to numbers anywhere
            b.append(", ARR State ").append(number(s.state())).append(" (raw; its values are undocumented)");
        }
        return b.toString();
    }

    private static String number(double v) {
        return String.format(Locale.US, v % 1 == 0 ? "%.0f" : "%.2f", v);
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    /** Counter instances are lower case (Get-Counter), FREB keeps the configured case: match without it. */
    private static String key(String farm, String server) {
        return (farm == null ? "" : farm.toLowerCase(Locale.ROOT)) + "\\" + server.toLowerCase(Locale.ROOT);
    }

    private static final class Row {
        final String farm;
        final String server;
        long traces;
        final Map<Integer, Long> win32 = new HashMap<>();
        long firstFailed = -1;
        long lastFailed = -1;
        Double health;
        Double state;

        Row(String farm, String server) {
            this.farm = farm;
            this.server = server;
        }
    }
}
