package io.arr502.core.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Routes each parsed line to the right {@link Stats}: one total for an unbounded window, one per
 * UTC minute for sliding windows (which is what the incremental state keeps). Also keeps the
 * per-minute series and the malformed-line examples.
 */
final class Accumulator {
    static final int SERIES_REQUESTS = 0, SERIES_5023 = 1, SERIES_5024 = 2, SERIES_504 = 3, SERIES_12002 = 4,
            SERIES_12029 = 5, SERIES_5XX = 6, SERIES_WIDTH = 7;

    final boolean perMinute;
    final long fromMinute;
    final long toMinute;
    /** minutes kept behind the newest one when the window end is not known yet (anchor "latest") */
    final long trailingMinutes;

    final Stats total = new Stats();
    final TreeMap<Long, Stats> minutes = new TreeMap<>();
    final TreeMap<Long, long[]> series = new TreeMap<>();
    long malformed;
    final List<MalformedLine> examples = new ArrayList<>();
    final int maxExamples;
    long newestMinute = Long.MIN_VALUE;
    long oldestMinute = Long.MAX_VALUE;

    // what the read could see (rare paths only: a directive, a new minute, a refused line; never per request)
    /** Lines read, as the files' cursors count them (set when a file's ranges are merged). */
    long linesRead;
    /** Directives and blank lines among them. */
    long otherLines;
    /** 502 lines counted although one of their values was bad (counted without it). */
    long salvaged;
    final List<MalformedLine> salvagedExamples = new ArrayList<>();
    /** The newest minute of any request read, inside the window or not. */
    long newestSeen = Long.MIN_VALUE;
    /** Fields the judgement uses that a layout in force did not log. */
    final java.util.TreeSet<String> missingFields = new java.util.TreeSet<>();
    /** Why a file or directive cannot be read as a W3C log ("file: reason"), at most {@link #MAX_PROBLEMS}. */
    final java.util.LinkedHashSet<String> formatProblems = new java.util.LinkedHashSet<>();
    static final int MAX_PROBLEMS = 10;
    /** The routes counted (null: all); set by the engine, carried by {@link #emptyCopy}. */
    RouteFilter routeFilter;
    /** Request lines the route filter left out (this run's read), and their routes, at most {@link #MAX_FILTERED_NAMES}. */
    long filteredOut;
    final java.util.TreeSet<String> filteredRoutes = new java.util.TreeSet<>();
    static final int MAX_FILTERED_NAMES = 10_000;

    void filtered(String route) {
        if (route != null && filteredRoutes.size() < MAX_FILTERED_NAMES) {
            filteredRoutes.add(route);
        }
    }

    /** Malformed lines of this run's read when {@link #malformed} holds more (a state's total); -1: the same. */
    private long malformedRead = -1;

    long malformedRead() {
        return malformedRead >= 0 ? malformedRead : malformed;
    }

    // not NO_MINUTE: lines without date/time must not hit the empty cache
    private static final long NOTHING_CACHED = Long.MIN_VALUE + 1;
    private long cachedMinute = NOTHING_CACHED;
    private Stats cachedStats;
    private long[] cachedSeries;

    Accumulator(boolean perMinute, long fromMinute, long toMinute, long trailingMinutes, int maxExamples) {
        this.perMinute = perMinute;
        this.fromMinute = fromMinute;
        this.toMinute = toMinute;
        this.trailingMinutes = trailingMinutes;
        this.maxExamples = maxExamples;
    }

    Accumulator emptyCopy() {
        Accumulator a = new Accumulator(perMinute, fromMinute, toMinute, trailingMinutes, maxExamples);
        a.routeFilter = routeFilter;
        return a;
    }

    /** The Stats for a line of this minute, or null when the line is outside the window. */
    Stats statsFor(long minute) {
        if (minute == cachedMinute) {
            return cachedStats;
        }
        if (minute > newestSeen) { // NO_MINUTE is Long.MIN_VALUE: never newer
            newestSeen = minute; // once per new minute, not per line: the cache above answers the rest
        }
        if (minute != ParsedLine.NO_MINUTE && (minute < fromMinute || minute > toMinute)) {
            cachedMinute = minute;
            cachedStats = null;
            cachedSeries = null;
            return null;
        }
        if (trailingMinutes > 0 && minute != ParsedLine.NO_MINUTE && newestMinute != Long.MIN_VALUE
                && minute < newestMinute - trailingMinutes) {
            return null; // already too old for an anchored window
        }
        Stats s;
        if (perMinute && minute != ParsedLine.NO_MINUTE) {
            s = minutes.computeIfAbsent(minute, k -> new Stats(Stats.MINUTE_ROUTES));
        } else if (perMinute) {
            return null; // a line without date/time cannot be placed in a time window
        } else {
            s = total;
        }
        if (minute != ParsedLine.NO_MINUTE) {
            cachedSeries = series.computeIfAbsent(minute, k -> new long[SERIES_WIDTH]);
            if (minute > newestMinute) {
                newestMinute = minute;
                evictBeforeAnchor();
            }
            oldestMinute = Math.min(oldestMinute, minute);
        } else {
            cachedSeries = null;
        }
        cachedMinute = minute;
        cachedStats = s;
        return s;
    }

    long[] seriesForCached() {
        return cachedSeries;
    }

    private void evictBeforeAnchor() {
        if (trailingMinutes <= 0) {
            return;
        }
        long keepFrom = newestMinute - trailingMinutes;
        while (!minutes.isEmpty() && minutes.firstKey() < keepFrom) {
            minutes.pollFirstEntry();
        }
        while (!series.isEmpty() && series.firstKey() < keepFrom) {
            series.pollFirstEntry();
        }
        cachedMinute = NOTHING_CACHED;
    }

    void salvaged(String file, long line, String reason) {
        salvaged++;
        if (salvagedExamples.size() < maxExamples) {
            salvagedExamples.add(new MalformedLine(file, line, reason + "; counted without it"));
        }
    }

    void formatProblem(String file, String reason) {
        if (formatProblems.size() < MAX_PROBLEMS) {
            java.nio.file.Path name = java.nio.file.Path.of(file).getFileName();
            formatProblems.add((name == null ? file : name.toString()) + ": " + reason);
        }
    }

    void noteLayout(FieldLayout l) {
        missingFields.addAll(l.missingOptional());
    }

    /** Takes over what other could see (a state's view of this run's read). */
    void seeAs(Accumulator other) {
        malformedRead = other.malformed;
        linesRead = other.linesRead;
        otherLines = other.otherLines;
        salvaged = other.salvaged;
        salvagedExamples.addAll(other.salvagedExamples);
        newestSeen = other.newestSeen;
        filteredOut = other.filteredOut;
        other.filteredRoutes.forEach(this::filtered);
        missingFields.addAll(other.missingFields);
        formatProblems.addAll(other.formatProblems);
    }

    void malformed(String file, long line, String reason) {
        malformed++;
        if (examples.size() < maxExamples) {
            examples.add(new MalformedLine(file, line, reason));
        }
    }

    /** Adds o, a scanner's part that is discarded afterwards: its minutes are taken over where this has none. */
    void merge(Accumulator o) {
        total.absorb(o.total);
        o.minutes.forEach((m, s) -> minutes.merge(m, s, (mine, theirs) -> {
            mine.absorb(theirs);
            return mine;
        }));
        o.series.forEach((m, v) -> {
            long[] mine = series.computeIfAbsent(m, k -> new long[SERIES_WIDTH]);
            for (int i = 0; i < SERIES_WIDTH; i++) {
                mine[i] += v[i];
            }
        });
        malformed += o.malformed;
        for (MalformedLine e : o.examples) {
            if (examples.size() < maxExamples) {
                examples.add(e);
            }
        }
        linesRead += o.linesRead;
        otherLines += o.otherLines;
        salvaged += o.salvaged;
        for (MalformedLine e : o.salvagedExamples) {
            if (salvagedExamples.size() < maxExamples) {
                salvagedExamples.add(e);
            }
        }
        newestSeen = Math.max(newestSeen, o.newestSeen);
        filteredOut += o.filteredOut;
        o.filteredRoutes.forEach(this::filtered);
        missingFields.addAll(o.missingFields);
        for (String p : o.formatProblems) {
            if (formatProblems.size() < MAX_PROBLEMS) {
                formatProblems.add(p);
            }
        }
        if (o.newestMinute > newestMinute) {
            newestMinute = o.newestMinute;
        }
        oldestMinute = Math.min(oldestMinute, o.oldestMinute);
        cachedMinute = NOTHING_CACHED;
        evictBeforeAnchor();
    }

    /** The minute stats inside [from, to], merged; or the total when not per-minute. */
    Stats collapse(long from, long to) {
        if (!perMinute) {
            return total;
        }
        Stats out = new Stats();
        for (Map.Entry<Long, Stats> e : minutes.subMap(from, true, to, true).entrySet()) {
            out.merge(e.getValue());
        }
        return out;
    }
}
