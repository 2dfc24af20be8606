package io.arr502.core.log;

import java.util.Locale;

/** Column positions of the fields the engine uses, from one #Fields directive (-1 = not logged). */
final class FieldLayout {
    /** The directive text as logged, kept in the incremental state for the next run. */
    final String text;
    final int count;
    final int date, time, site, sip, stem, status, substatus, win32, timeTaken;

    private FieldLayout(String text, String[] names) {
        this.text = text;
        count = names.length;
        date = idx(names, "date");
        time = idx(names, "time");
        site = idx(names, "s-sitename");
        sip = idx(names, "s-ip");
        stem = idx(names, "cs-uri-stem");
        status = idx(names, "sc-status");
        substatus = idx(names, "sc-substatus");
        win32 = idx(names, "sc-win32-status");
        timeTaken = idx(names, "time-taken");
    }

    /** @param directive the text after "#Fields:" */
    static FieldLayout parse(String directive) {
        String t = directive.trim();
        return new FieldLayout(t, t.isEmpty() ? new String[0] : t.split("\\s+"));
    }

    private static int idx(String[] names, String n) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].toLowerCase(Locale.ROOT).equals(n)) {
                return i;
            }
        }
        return -1;
    }
}
