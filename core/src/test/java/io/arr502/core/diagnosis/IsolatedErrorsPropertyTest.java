package io.arr502.core.diagnosis;

import io.arr502.core.verdict.Verdict;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: adding isolated errors below the noise floor to a healthy day never changes the verdict. */
class IsolatedErrorsPropertyTest {
    /** 502.3 win32 codes of every family; -4 stands for a 502.4, -504 for a 504. */
    private static final List<Integer> CODES = List.of(12002, 12029, 12007, 12030, 12031, 12152, 12175, 12157, 12037, -4, -504);
    private static final String[] ROUTES = {"/api/orders/4711", "/", "/api/reports/7", "/api/customers/42"};

    @Property(tries = 25)
    void isolatedErrorsNeverChangeAHealthyDaysVerdict(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int routes,
                                                      @ForAll("isolated") List<Integer> errors, @ForAll boolean config) throws IOException {
        Path dir = Files.createTempDirectory("arr502-prop");
        try {
            Verdict healthy = day(seed, routes).judge(dir.resolve("healthy"), config);
            TrafficScenario withErrors = day(seed, routes);
            for (int i = 0; i < errors.size(); i++) {
                int code = errors.get(i);
                String route = ROUTES[i % routes];
                switch (code) {
                    case -4 -> withErrors.fail(route, 1, 502, 4, 0, 1);
                    case -504 -> withErrors.fail(route, 1, 504, 0, 0, 60_000);
                    case 12002 -> withErrors.timeouts(route, 1, 30_000);
                    default -> withErrors.fail(route, 1, 502, 3, code, 20);
                }
            }
            Verdict noisy = withErrors.judge(dir.resolve("noisy"), config);
            assertThat(noisy.state()).as("state with %s", errors).isEqualTo(healthy.state());
            assertThat(noisy.diagnosis().top().cause()).as("first cause with %s", errors).isEqualTo(healthy.diagnosis().top().cause())
                    .isEqualTo(Cause.HEALTHY);
            assertThat(noisy.diagnosis().findings()).hasSize(1);
            assertThat(noisy.remediation()).isEqualTo(healthy.remediation());
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A healthy day: 1–4 routes of 600–1,500 requests each (at least 2,000 in all), p99 at most half the 30 s timeout. */
    private static TrafficScenario day(long seed, int routes) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        TrafficScenario s = new TrafficScenario(seed);
        int total = 0;
        for (int i = 0; i < routes; i++) {
            long p50 = 10 + r.nextLong(3_000);
            int n = 600 + r.nextInt(900);
            s.ok(ROUTES[i], n, p50, Math.min(15_000, p50 * (1 + r.nextLong(5))));
            total += n;
        }
        if (total < 2_000) {
            s.ok(ROUTES[0], 2_000 - total, 40, 180);
        }
        return s;
    }

    @Provide
    Arbitrary<List<Integer>> isolated() {
        return Arbitraries.of(CODES).list().ofMinSize(1).ofMaxSize(4);
    }
}
