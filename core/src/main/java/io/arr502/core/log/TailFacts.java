package io.arr502.core.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is found by reading back from where each file's read ended: the newest request of a log whose minutes
 * the state no longer holds (a log that stopped being written), and a few of the window's 502.3 lines to show.
 * Lines are read with the layout in force at the end; reading stops at a #Fields that differs from it (the
 * lines above it were logged with an earlier layout that is not known going backwards).
 */
final class TailFacts {
    /** Bytes read back per file for the newest request. */
    static final long NEWEST_BUDGET = 1 << 20;
    /** Bytes read back in all for example lines: a scheduled check during an incident finds them in kilobytes. */
    static final long EXAMPLES_BUDGET = 32L << 20;
    static final int MAX_EXAMPLES = 5;
    /** Fields shown for an example line; the query string, user name, cookies and referer are left out. */
    private static final List<String> SHOWN = List.of("date", "time", "s-sitename", "s-ip", "cs-method", "cs-uri-stem",
            "sc-status", "sc-substatus", "sc-win32-status", "time-taken");
    private static final int MAX_VALUE_CHARS = 200;

    /** Where a file's read ended: its cursor. */
    record End(Path file, FileCursor cursor) {
    }

    private TailFacts() {
    }

    /** The newest minute of a request of a kept route (null filter: any) in the files (the newest file of each folder), or Long.MIN_VALUE. */
    static long newestMinute(List<End> newestFirst, RouteFilter routes) {
        RouteBytes route = new RouteBytes();
        long best = Long.MIN_VALUE;
        Set<Path> folders = new HashSet<>();
        for (End e : newestFirst) {
            Path folder = e.file().toAbsolutePath().getParent();
            if (folders.contains(folder) || e.cursor() == null || e.cursor().layout() == null) {
                continue;
            }
            long[] found = {Long.MIN_VALUE};
            FieldLayout layout = new FieldLayout(e.cursor().layout());
            LineParser parser = new LineParser();
            ParsedLine out = new ParsedLine();
            try {
                BackwardLines.walk(e.file(), e.cursor().offset(), e.cursor().lines(), NEWEST_BUDGET, (b, from, to, n) -> {
                    if (b[from] == '#') {
                        return !BackwardLines.isFields(b, from, to) || layout.equals(FieldLayout.parse(b, from + 8, to));
                    }
                    if ((parser.parse(b, from, to, layout, out) || out.salvaged) && out.epochMinute != ParsedLine.NO_MINUTE
                            && (routes == null || kept(routes, route, b, out))) {
                        found[0] = out.epochMinute;
                        return false;
                    }
                    return true;
                });
            } catch (IOException ex) {
                continue; // the scan itself reported what it could not read
            }
            if (found[0] != Long.MIN_VALUE) {
                folders.add(folder);
                best = Math.max(best, found[0]);
            }
        }
        return best;
    }

    /**
     * Up to {@link #MAX_EXAMPLES} of the newest 502.3 lines (and 502s of unknown substatus) in [from, to] minutes, of
     * the routes the filter keeps (null: all).
     */
    static List<RequestLine> failedExamples(List<End> newestFirst, long from, long to, RouteFilter routes) {
        RouteBytes route = new RouteBytes();
        List<RequestLine> out = new ArrayList<>();
        long budget = EXAMPLES_BUDGET;
        Set<Path> behind = new HashSet<>(); // folders whose lines went older than the window
        for (End e : newestFirst) {
            if (out.size() >= MAX_EXAMPLES || budget <= 0) {
                break;
            }
            Path folder = e.file().toAbsolutePath().getParent();
            if (e.cursor() == null || e.cursor().layout() == null || behind.contains(folder)) {
                continue;
            }
            FieldLayout layout = new FieldLayout(e.cursor().layout());
            LineParser parser = new LineParser();
            ParsedLine p = new ParsedLine();
            String name = e.file().getFileName().toString();
            boolean[] older = {false};
            try {
                budget -= BackwardLines.walk(e.file(), e.cursor().offset(), e.cursor().lines(), budget, (b, f, t, n) -> {
                    if (b[f] == '#') {
                        return !BackwardLines.isFields(b, f, t) || layout.equals(FieldLayout.parse(b, f + 8, t));
                    }
                    if (!parser.parse(b, f, t, layout, p) && !p.salvaged) {
                        return true;
                    }
                    long m = p.epochMinute;
                    if (m != ParsedLine.NO_MINUTE && m < from) {
                        older[0] = true; // lines are in time order: nothing older is in the window
                        return false;
                    }
                    boolean inWindow = m == ParsedLine.NO_MINUTE ? from == Long.MIN_VALUE : m <= to;
                    if (inWindow && p.status == 502 && (p.substatus == 3 || p.substatus == LineParser.NO_SUBSTATUS)
                            && (routes == null || kept(routes, route, b, p))) {
                        out.add(new RequestLine(name, n, shown(b, f, t, layout)));
                    }
                    return out.size() < MAX_EXAMPLES;
                });
            } catch (IOException ex) {
                continue;
            }
            if (older[0]) {
                behind.add(folder); // its older files hold older lines still
            }
        }
        return out;
    }

    private static boolean kept(RouteFilter routes, RouteBytes route, byte[] b, ParsedLine p) {
        int len = route.normalize(b, p.uriFrom, p.uriTo);
        return routes.keeps().test(new ByteKey(route.buffer(), 0, len).toString());
    }

    private static Map<String, String> shown(byte[] b, int from, int to, FieldLayout layout) {
        String[] values = new String(b, from, to - from, StandardCharsets.UTF_8).split(" ", -1);
        Map<String, String> m = new LinkedHashMap<>();
        int id = layout.arrLogId();
        for (int i = 0; i < layout.names.length && i < values.length; i++) {
            String n = layout.names[i];
            if (i == id || SHOWN.contains(n.toLowerCase(java.util.Locale.ROOT))) {
                String v = values[i];
                m.put(n, v.length() > MAX_VALUE_CHARS ? v.substring(0, MAX_VALUE_CHARS) + "…" : v);
            }
        }
        return m;
    }
}
