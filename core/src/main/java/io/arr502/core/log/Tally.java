package io.arr502.core.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.IntCountsHistogram;

/** Running counts for one scan; several (one per thread) merge into one summary. */
final class Tally {
    static final int MAX_ROUTES = 1000;
    static final String OTHER_ROUTE = "{other}";
    /** time-taken beyond one hour is clamped (a 502.3 never takes that long; the histogram stays small). */
    static final long MAX_MS = 3_600_000L;

    long requests;
    /** key: status &lt;&lt; 32 | substatus */
    final LongCounts status = new LongCounts();
    final Map<Integer, long[]> win32 = new HashMap<>();
    final ByteInterner routeNames = new ByteInterner();
    RouteTally[] routes = new RouteTally[16];
    final ByteInterner siteNames = new ByteInterner();
    long[][] sites = new long[4][];
    final ByteInterner ipNames = new ByteInterner();
    long[][] ips = new long[4][];
    final TreeMap<Long, long[]> minutes = new TreeMap<>();
    private long lastMinute = Long.MIN_VALUE;
    private long[] lastMinuteCounts;
    long firstMs = Long.MAX_VALUE, lastMs = Long.MIN_VALUE;
    long malformed;
    final List<MalformedLine> examples = new ArrayList<>();

    static final class RouteTally {
        long requests, c502_3, c502_4, c504;
        final IntCountsHistogram all = hist(), ok = hist(), failed502_3 = hist();
        final Map<Integer, long[]> win32 = new HashMap<>();
    }

    /** Auto-resizing, 2 significant digits (1 % value precision): small for per-minute tallies kept in the state. */
    static IntCountsHistogram hist() {
        return new IntCountsHistogram(2);
    }

    void malformed(String file, long line, String reason, int maxExamples) {
        malformed++;
        if (examples.size() < maxExamples) {
            examples.add(new MalformedLine(file, line, reason));
        }
    }

    int routeId(byte[] b, int len) {
        int id = routeNames.size() >= MAX_ROUTES ? -1 : 0;
        if (id < 0) {
            // over the cap: known routes keep counting, new ones go to {other}
            int before = routeNames.size();
            int got = routeNames.intern(b, 0, len);
            if (got >= before) {
                // undo is not possible in an append-only table; accept the new id but share one tally
                return slot(got, true);
            }
            return slot(got, false);
        }
        return slot(routeNames.intern(b, 0, len), false);
    }

    private int slot(int id, boolean overflow) {
        if (id >= routes.length) {
            routes = java.util.Arrays.copyOf(routes, Math.max(routes.length * 2, id + 1));
        }
        if (routes[id] == null) {
            if (overflow) {
                int other = routeNames.intern(OTHER_ROUTE);
                if (other >= routes.length) {
                    routes = java.util.Arrays.copyOf(routes, Math.max(routes.length * 2, other + 1));
                }
                if (routes[other] == null) {
                    routes[other] = new RouteTally();
                }
                routes[id] = routes[other];
            } else {
                routes[id] = new RouteTally();
            }
        }
        return id;
    }

    static long[] group(long[][] arr, int id, Object owner) {
        return arr[id];
    }

    void add(long timeMs, int status, int sub, int win32Code, long timeTaken, int routeId, int siteId, int ipId) {
        requests++;
        this.status.add(((long) status << 32) | (sub & 0xffffffffL), 1);
        boolean is502_3 = status == 502 && sub == 3;
        boolean is502_4 = status == 502 && sub == 4;
        boolean is504 = status == 504;
        if (is502_3) {
            win32.computeIfAbsent(win32Code, k -> new long[1])[0]++;
        }
        RouteTally r = routes[routeId];
        r.requests++;
        if (timeTaken >= 0) {
            long t = Math.min(timeTaken, MAX_MS); // auto-resizing histograms: clamp keeps them small
            r.all.recordValue(t);
            if (status < 500) {
                r.ok.recordValue(t);
            }
            if (is502_3) {
                r.failed502_3.recordValue(t);
            }
        }
        if (is502_3) {
            r.c502_3++;
            r.win32.computeIfAbsent(win32Code, k -> new long[1])[0]++;
        } else if (is502_4) {
            r.c502_4++;
        } else if (is504) {
            r.c504++;
        }
        sites = groupAdd(sites, siteId, is502_3, is502_4, is504);
        ips = groupAdd(ips, ipId, is502_3, is502_4, is504);
        if (timeMs != Long.MIN_VALUE) {
            firstMs = Math.min(firstMs, timeMs);
            lastMs = Math.max(lastMs, timeMs);
            long minute = Math.floorDiv(timeMs, 60_000L);
            if (minute != lastMinute) {
                lastMinute = minute;
                lastMinuteCounts = minutes.computeIfAbsent(minute, k -> new long[7]);
            }
            long[] m = lastMinuteCounts;
            m[0]++;
            if (is502_3) {
                m[1]++;
                if (win32Code == 12002) {
                    m[4]++;
                } else if (win32Code == 12029) {
                    m[5]++;
                }
            } else if (is502_4) {
                m[2]++;
            } else if (is504) {
                m[3]++;
            }
            if (status >= 500 && status < 600) {
                m[6]++;
            }
        }
    }

    private static long[][] groupAdd(long[][] arr, int id, boolean a, boolean b, boolean c) {
        if (id < 0) {
            return arr;
        }
        if (id >= arr.length) {
            arr = java.util.Arrays.copyOf(arr, Math.max(arr.length * 2, id + 1));
        }
        long[] g = arr[id];
        if (g == null) {
            g = arr[id] = new long[4];
        }
        g[0]++;
        if (a) g[1]++;
        if (b) g[2]++;
        if (c) g[3]++;
        return arr;
    }

    /** Adds another tally (from another thread or chunk) into this one. */
    void merge(Tally o, int maxExamples) {
        requests += o.requests;
        status.addAll(o.status);
        o.win32.forEach((k, v) -> win32.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        java.util.IdentityHashMap<RouteTally, Boolean> seen = new java.util.IdentityHashMap<>();
        for (int id = 0; id < o.routeNames.size(); id++) {
            RouteTally src = o.routes[id];
            if (src == null || seen.put(src, Boolean.TRUE) != null) {
                continue;
            }
            String name = o.routeNames.name(id);
            byte[] b = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            RouteTally dst = routes[routeId(b, b.length)];
            dst.requests += src.requests;
            dst.c502_3 += src.c502_3;
            dst.c502_4 += src.c502_4;
            dst.c504 += src.c504;
            dst.all.add(src.all);
            dst.ok.add(src.ok);
            dst.failed502_3.add(src.failed502_3);
            src.win32.forEach((k, v) -> dst.win32.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        }
        sites = mergeGroups(sites, siteNames, o.sites, o.siteNames);
        ips = mergeGroups(ips, ipNames, o.ips, o.ipNames);
        o.minutes.forEach((k, v) -> {
            long[] m = minutes.computeIfAbsent(k, x -> new long[7]);
            for (int i = 0; i < m.length; i++) {
                m[i] += v[i];
            }
        });
        lastMinute = Long.MIN_VALUE;
        firstMs = Math.min(firstMs, o.firstMs);
        lastMs = Math.max(lastMs, o.lastMs);
        malformed += o.malformed;
        for (MalformedLine m : o.examples) {
            if (examples.size() < maxExamples) {
                examples.add(m);
            }
        }
    }

    private static long[][] mergeGroups(long[][] dst, ByteInterner dn, long[][] src, ByteInterner sn) {
        for (int id = 0; id < sn.size(); id++) {
            if (id >= src.length || src[id] == null) {
                continue;
            }
            int d = dn.intern(sn.name(id));
            if (d >= dst.length) {
                dst = java.util.Arrays.copyOf(dst, Math.max(dst.length * 2, d + 1));
            }
            if (dst[d] == null) {
                dst[d] = new long[4];
            }
            for (int i = 0; i < 4; i++) {
                dst[d][i] += src[id][i];
            }
        }
        return dst;
    }

    LogSummary summary(int filesRead, long bytesRead, List<String> notes) {
        Map<String, Long> byStatus = new TreeMap<>();
        status.forEach((k, v) -> byStatus.merge((k >> 32) + "." + (int) (long) k, v, Long::sum));
        Map<Integer, Long> w = new TreeMap<>();
        win32.forEach((k, v) -> w.put(k, v[0]));

        List<RouteStats> rs = new ArrayList<>();
        java.util.IdentityHashMap<RouteTally, Boolean> seen = new java.util.IdentityHashMap<>();
        for (int id = 0; id < routeNames.size(); id++) {
            RouteTally r = id < routes.length ? routes[id] : null;
            if (r == null || seen.put(r, Boolean.TRUE) != null || r.requests == 0) {
                continue;
            }
            String name = r == routeOther() ? OTHER_ROUTE : routeNames.name(id);
            Map<Integer, Long> rw = new TreeMap<>();
            r.win32.forEach((k, v) -> rw.put(k, v[0]));
            rs.add(new RouteStats(name, r.requests, r.c502_3, r.c502_4, r.c504, latency(r.all), latency(r.ok), rw,
                    r.failed502_3.getTotalCount() == 0 ? 0 : r.failed502_3.getValueAtPercentile(50),
                    r.failed502_3.getTotalCount() == 0 ? 0 : r.failed502_3.getMaxValue()));
        }
        rs.sort(Comparator.comparingLong(RouteStats::count502_3).reversed()
                .thenComparing(Comparator.comparingLong(RouteStats::requests).reversed())
                .thenComparing(RouteStats::route));

        List<MinuteBucket> pm = new ArrayList<>(minutes.size());
        minutes.forEach((k, m) -> pm.add(new MinuteBucket(Instant.ofEpochMilli(k * 60_000L), m[0], m[1], m[2], m[3], m[4], m[5], m[6])));
        return new LogSummary(requests, byStatus, w, rs, groups(sites, siteNames), groups(ips, ipNames), pm,
                malformed, List.copyOf(examples),
                firstMs == Long.MAX_VALUE ? null : Instant.ofEpochMilli(firstMs),
                lastMs == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastMs),
                filesRead, bytesRead, notes);
    }

    private RouteTally routeOther() {
        for (int id = 0; id < routeNames.size(); id++) {
            if (routeNames.name(id).equals(OTHER_ROUTE) && id < routes.length) {
                return routes[id];
            }
        }
        return null;
    }

    private static List<GroupStats> groups(long[][] arr, ByteInterner names) {
        List<GroupStats> out = new ArrayList<>();
        for (int id = 0; id < names.size(); id++) {
            if (id < arr.length && arr[id] != null && arr[id][0] > 0) {
                out.add(new GroupStats(names.name(id), arr[id][0], arr[id][1], arr[id][2], arr[id][3]));
            }
        }
        out.sort(Comparator.comparingLong(GroupStats::count502_3).reversed()
                .thenComparing(Comparator.comparingLong(GroupStats::requests).reversed()).thenComparing(GroupStats::key));
        return out;
    }

    static Latency latency(IntCountsHistogram h) {
        if (h.getTotalCount() == 0) {
            return Latency.EMPTY;
        }
        return new Latency(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getMaxValue());
    }

    // ---- incremental state: one Tally per minute <-> StateFile.MinuteState ----

    StateFile.MinuteState toState(long minute) {
        Map<String, Long> st = new TreeMap<>();
        status.forEach((k, v) -> st.merge((k >> 32) + "." + (int) (long) k, v, Long::sum));
        Map<Integer, Long> w = new TreeMap<>();
        win32.forEach((k, v) -> w.put(k, v[0]));
        List<StateFile.RouteState> rs = new ArrayList<>();
        java.util.IdentityHashMap<RouteTally, Boolean> seen = new java.util.IdentityHashMap<>();
        RouteTally other = routeOther();
        for (int id = 0; id < routeNames.size(); id++) {
            RouteTally r = id < routes.length ? routes[id] : null;
            if (r == null || seen.put(r, Boolean.TRUE) != null || r.requests == 0) {
                continue;
            }
            Map<Integer, Long> rw = new TreeMap<>();
            r.win32.forEach((k, v) -> rw.put(k, v[0]));
            rs.add(new StateFile.RouteState(r == other ? OTHER_ROUTE : routeNames.name(id),
                    new long[] {r.requests, r.c502_3, r.c502_4, r.c504}, rw, enc(r.all), enc(r.ok), enc(r.failed502_3)));
        }
        long[] m = minutes.getOrDefault(minute, new long[7]);
        return new StateFile.MinuteState(minute, st, w, rs, groupMap(sites, siteNames), groupMap(ips, ipNames), m.clone(), firstMs, lastMs);
    }

    static Tally fromState(StateFile.MinuteState ms) throws java.io.IOException {
        Tally t = new Tally();
        for (Map.Entry<String, Long> e : ms.status().entrySet()) {
            String k = e.getKey();
            int dot = k.indexOf('.');
            try {
                t.status.add(((long) Integer.parseInt(k.substring(0, dot)) << 32) | (Integer.parseInt(k.substring(dot + 1)) & 0xffffffffL), e.getValue());
            } catch (RuntimeException ex) {
                throw new java.io.IOException("bad status key in state: " + k);
            }
            t.requests += e.getValue();
        }
        ms.win32().forEach((k, v) -> t.win32.put(k, new long[] {v}));
        for (StateFile.RouteState r : ms.routes()) {
            if (r == null || r.route() == null || r.counts() == null || r.counts().length != 4 || r.win32() == null) {
                throw new java.io.IOException("bad route in state");
            }
            byte[] b = r.route().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            RouteTally rt = t.routes[t.routeId(b, b.length)];
            rt.requests += r.counts()[0];
            rt.c502_3 += r.counts()[1];
            rt.c502_4 += r.counts()[2];
            rt.c504 += r.counts()[3];
            rt.all.add(dec(r.all()));
            rt.ok.add(dec(r.ok()));
            rt.failed502_3.add(dec(r.failed502_3()));
            r.win32().forEach((k, v) -> rt.win32.computeIfAbsent(k, x -> new long[1])[0] += v);
        }
        t.sites = fromGroupMap(ms.sites(), t.siteNames);
        t.ips = fromGroupMap(ms.ips(), t.ipNames);
        t.minutes.put(ms.minute(), ms.counts().clone());
        t.firstMs = ms.firstMs();
        t.lastMs = ms.lastMs();
        return t;
    }

    private static Map<String, long[]> groupMap(long[][] arr, ByteInterner names) {
        Map<String, long[]> out = new TreeMap<>();
        for (int id = 0; id < names.size(); id++) {
            if (id < arr.length && arr[id] != null) {
                out.put(names.name(id), arr[id].clone());
            }
        }
        return out;
    }

    private static long[][] fromGroupMap(Map<String, long[]> m, ByteInterner names) throws java.io.IOException {
        long[][] arr = new long[Math.max(4, m.size())][];
        for (Map.Entry<String, long[]> e : m.entrySet()) {
            if (e.getValue() == null || e.getValue().length != 4) {
                throw new java.io.IOException("bad group in state");
            }
            int id = names.intern(e.getKey());
            if (id >= arr.length) {
                arr = java.util.Arrays.copyOf(arr, id + 1);
            }
            arr[id] = e.getValue().clone();
        }
        return arr;
    }

    private static String enc(IntCountsHistogram h) {
        if (h.getTotalCount() == 0) {
            return "";
        }
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        return java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), n));
    }

    private static IntCountsHistogram dec(String s) throws java.io.IOException {
        if (s == null || s.isEmpty()) {
            return hist();
        }
        try {
            IntCountsHistogram h = IntCountsHistogram.decodeFromCompressedByteBuffer(
                    java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(s)), 0);
            if (h.getMaxValue() > MAX_MS || h.getTotalCount() < 0) {
                throw new java.io.IOException("histogram out of range in state");
            }
            return h;
        } catch (java.util.zip.DataFormatException | RuntimeException e) {
            throw new java.io.IOException("bad histogram in state: " + e.getMessage());
        }
    }
}
