package io.arr502.core.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Column positions from a {@code #Fields:} directive; -1 where the field is not logged. */
final class FieldLayout {
    final String[] names;
    final int count;
    final int date;
    final int time;
    final int site;
    final int serverIp;
    final int uriStem;
    final int status;
    final int substatus;
    final int win32;
    final int timeTaken;

    FieldLayout(List<String> fieldNames) {
        this.names = fieldNames.toArray(String[]::new);
        this.count = names.length;
        this.date = indexOf("date");
        this.time = indexOf("time");
        this.site = indexOf("s-sitename");
        this.serverIp = indexOf("s-ip");
        this.uriStem = indexOf("cs-uri-stem");
        this.status = indexOf("sc-status");
        this.substatus = indexOf("sc-substatus");
        this.win32 = indexOf("sc-win32-status");
        this.timeTaken = indexOf("time-taken");
        // the scanner locates only the fields it uses: the ones before the widest gap from the front,
        // the rest from the back (so the long User-Agent and Referer in between are never split)
        int[] used = java.util.stream.IntStream.of(date, time, site, serverIp, uriStem, status, substatus, win32, timeTaken)
                .filter(i -> i >= 0).sorted().distinct().toArray();
        int bestGap = -1;
        int split = used.length; // all from the front
        for (int k = 0; k <= used.length; k++) {
            int prev = k == 0 ? -1 : used[k - 1];
            int next = k == used.length ? count : used[k];
            if (next - prev > bestGap) {
                bestGap = next - prev;
                split = k;
            }
        }
        this.frontLast = split == 0 ? -1 : used[split - 1];
        this.backFirst = split == used.length ? count : used[split];
    }

    /** Highest field index located from the front of a line; -1 when none. */
    final int frontLast;
    /** Lowest field index located from the back of a line; count when none. */
    final int backFirst;

    /** Parses the text after "#Fields:"; null when it names no fields. */
    static FieldLayout parse(byte[] buf, int from, int to) {
        String text = new String(buf, from, to - from, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return null;
        }
        return new FieldLayout(List.of(text.split("\\s+")));
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Why lines cannot be judged by this layout (null: they can); null layout: a #Fields naming nothing. */
    static String unusable(FieldLayout l) {
        if (l == null) {
            return "#Fields directive names no fields";
        }
        if (l.count > LineParser.MAX_FIELDS) {
            return "#Fields directive names " + l.count + " fields, more than the " + LineParser.MAX_FIELDS + " arr502 reads";
        }
        String missing = l.missingRequired();
        return missing == null ? null : "#Fields directive lacks " + missing;
    }

    /** Fields the judgement uses that this layout does not log, in a fixed order. */
    List<String> missingOptional() {
        List<String> out = new java.util.ArrayList<>(5);
        if (date < 0) {
            out.add("date");
        }
        if (time < 0) {
            out.add("time");
        }
        if (substatus < 0) {
            out.add("sc-substatus");
        }
        if (win32 < 0) {
            out.add("sc-win32-status");
        }
        if (timeTaken < 0) {
            out.add("time-taken");
        }
        return out;
    }

    /** The index of a custom field holding ARR's request id (logGuidName, X-ARR-LOG-ID by default), or -1. */
    int arrLogId() {
        for (int i = 0; i < names.length; i++) {
            if (names[i].toUpperCase(java.util.Locale.ROOT).contains("X-ARR-LOG-ID")) {
                return i;
            }
        }
        return -1;
    }

    /** Lines cannot be judged without these. */
    String missingRequired() {
        if (status < 0) {
            return "sc-status";
        }
        if (uriStem < 0) {
            return "cs-uri-stem";
        }
        return null;
    }

    List<String> fieldNames() {
        return List.of(names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldLayout f && Arrays.equals(names, f.names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names);
    }
}
