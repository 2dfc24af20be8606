package io.arr502.core.log;

import io.arr502.core.route.RouteNormalizer;
import io.arr502.core.triage.Scope;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: the route filter leaves lines out in the engine, so every figure of a filtered read (per-minute buckets,
 * every status, sites, server IPs, the window's first/last request, the example lines) is the figure of a log that
 * never had the excluded lines; and a state file counted under another filter is rebuilt, never reused.
 */
class RouteFilterPropertyTest {
    static final Instant NOW = Instant.parse("2026-11-24T14:31:30Z");
    static final String HEADER = "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2026-11-24 14:00:00\n"
            + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query sc-status sc-substatus sc-win32-status time-taken\n";
    /** cs-uri-stem values; long polls and probes as the issue names them (GoAccess #1539's ActiveSync Ping, SignalR, a probe). */
    static final List<String> STEMS = List.of("/api/orders/%d", "/signalr/connect", "/health", "/Microsoft-Server-ActiveSync",
            "/api/reports/%d");
    /** status substatus win32 time-taken, as ARR logs them (Microsoft's 502.3 codes 12002/12029, the client abort 1236). */
    static final List<String> OUTCOMES = List.of("200 0 0 40", "502 3 12002 30016", "502 3 1236 197437", "404 0 2 3",
            "500 0 0 120", "502 4 0 9", "504 0 0 60000", "502 3 12029 15");
    static final List<Scope> SCOPES = List.of(
            new Scope(List.of(), List.of("/signalr/*", "/Microsoft-Server-ActiveSync"), List.of(), List.of()),
            new Scope(List.of("/api/*"), List.of(), List.of(), List.of()),
            new Scope(List.of("regex:/api/orders/.*|/health"), List.of("/health"), List.of(), List.of()),
            new Scope(List.of(), List.of("/api/reports/{id}"), List.of(), List.of()));

    record Line(int second, int stem, int outcome, int ip, int id) {
        String text() {
            return String.format("2026-11-24 14:%02d:%02d 10.0.0.%d GET %s - %s%n", second / 60, second % 60, 10 + ip,
                    String.format(STEMS.get(stem), id), OUTCOMES.get(outcome));
        }
    }

    enum Win { ALL, RANGE, LAST, LAST_BEFORE_NEWEST }

    @Provide
    Arbitrary<List<Line>> lines() {
        return Combinators.combine(Arbitraries.integers().between(0, 30 * 60 - 1), Arbitraries.integers().between(0, STEMS.size() - 1),
                Arbitraries.integers().between(0, OUTCOMES.size() - 1), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(1, 40)).as(Line::new).list().ofMinSize(1).ofMaxSize(300);
    }

    @Property(tries = 80)
    void aFilteredReadCountsWhatALogWithoutTheExcludedLinesCounts(@ForAll("lines") List<Line> generated, @ForAll Win win,
                                                                 @ForAll("scopes") int scopeIndex, @ForAll("scopes") int earlierScope)
            throws Exception {
        Scope scope = SCOPES.get(scopeIndex);
        List<Line> lines = generated.stream().sorted(Comparator.comparingInt(Line::second)).toList(); // IIS writes in time order
        Path dir = Files.createTempDirectory("arr502-filter");
        try {
            Path all = write(dir.resolve("all"), lines);
            Path kept = write(dir.resolve("kept"), lines.stream()
                    .filter(l -> scope.route(RouteNormalizer.normalize(String.format(STEMS.get(l.stem()), l.id())))).toList());
            Window w = switch (win) {
                case ALL -> Window.all();
                case RANGE -> Window.range(Instant.parse("2026-11-24T14:05:00Z"), Instant.parse("2026-11-24T14:20:00Z"));
                case LAST -> Window.last(Duration.ofMinutes(15));
                case LAST_BEFORE_NEWEST -> Window.lastBeforeNewest(Duration.ofMinutes(10));
            };
            LogSummary want = LogEngine.analyze(new LogRequest(List.of(kept), w, NOW, null, 10, 1));
            LogSummary got = LogEngine.analyze(new LogRequest(List.of(all), w, NOW, null, 10, 1).withRoutes(scope.routeFilter()));
            assertSame(got, want);

            // a state counted under another filter (or none) first: the run under this one must not reuse its counts
            Path state = dir.resolve("state.json");
            Scope before = earlierScope == scopeIndex ? Scope.ALL : SCOPES.get(earlierScope);
            LogEngine.analyze(new LogRequest(List.of(all), w, NOW, state, 10, 1).withRoutes(before.routeFilter()));
            LogSummary withState = LogEngine.analyze(new LogRequest(List.of(all), w, NOW, state, 10, 1).withRoutes(scope.routeFilter()));
            assertSame(withState, want);
            if (win != Win.RANGE) {
                assertThat(withState.notes()).contains("route filter changed since the last run; state rebuilt");
                // and the next run under the same filter carries on from the state (nothing new: nothing read)
                LogSummary again = LogEngine.analyze(new LogRequest(List.of(all), w, NOW, state, 10, 1).withRoutes(scope.routeFilter()));
                assertThat(again.bytesRead()).isZero();
                SameAnswer.assertSameAnswer(again, want); // (its visibility is of this run's read: nothing)
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<Integer> scopes() {
        return Arbitraries.integers().between(0, SCOPES.size() - 1);
    }

    private static void assertSame(LogSummary got, LogSummary want) {
        SameAnswer.assertSameAnswer(got, want);
        assertThat(got.firstRequest()).isEqualTo(want.firstRequest());
        assertThat(got.lastRequest()).isEqualTo(want.lastRequest());
        assertThat(got.windowStart()).isEqualTo(want.windowStart());
        assertThat(got.windowEnd()).isEqualTo(want.windowEnd());
        assertThat(got.visibility().requestsRead()).isEqualTo(want.visibility().requestsRead());
        assertThat(got.visibility().newestRequest()).isEqualTo(want.visibility().newestRequest());
        // the same lines, at other line numbers
        assertThat(got.failedExamples().stream().map(RequestLine::fields).toList())
                .isEqualTo(want.failedExamples().stream().map(RequestLine::fields).toList());
    }

    private static Path write(Path root, List<Line> lines) throws Exception {
        StringBuilder b = new StringBuilder(HEADER);
        lines.forEach(l -> b.append(l.text()));
        Files.writeString(Files.createDirectories(root.resolve("W3SVC1")).resolve("u_ex261124.log"), b);
        return root;
    }
}
