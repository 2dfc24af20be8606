package io.arr502.core.log;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * State idempotence (issue 19): whatever happens to the log files between checks — appends, truncations at any
 * byte, a copy made again in place (seen half written), renames to another log name, replacements — a check
 * with state gives the counts of reading the files as they are, after every step. Deleting a log is not
 * among the steps: the state keeps the minutes of a deleted file on purpose (log clean-up must not clear an
 * alert), which a full read cannot see.
 */
class StateReplayPropertyTest {
    static final Instant NOW = Instant.parse("2026-11-24T14:59:30Z");
    static final List<String> NAMES = List.of("u_extend1.log", "u_extend2.log", "u_extend3.log");

    enum Kind { APPEND, TRUNCATE, RECOPY, RENAME, REPLACE }

    record Op(Kind kind, int file, int amount, int to) {
    }

    @Provide
    Arbitrary<List<Op>> steps() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 2)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 60)
    void aCheckWithStateCountsWhatAFullReadCounts(@ForAll("steps") List<Op> ops, @ForAll boolean windowAll) throws Exception {
        Path dir = Files.createTempDirectory("arr502-replay");
        try {
            Path site = Files.createDirectories(dir.resolve("W3SVC1"));
            Path state = dir.resolve("state/state.json");
            Window w = windowAll ? Window.all() : Window.last(Duration.ofMinutes(60));
            int[] serial = {0};
            // one file to start with, so every run has input
            append(site.resolve(NAMES.get(0)), 20, serial);
            check(dir, state, w);
            for (Op op : ops) {
                Path f = site.resolve(NAMES.get(op.file()));
                switch (op.kind()) {
                    case APPEND -> append(f, 1 + op.amount() / 4, serial);
                    case TRUNCATE -> {
                        if (Files.exists(f)) {
                            byte[] b = Files.readAllBytes(f);
                            Files.write(f, java.util.Arrays.copyOf(b, b.length * op.amount() / 100));
                        }
                    }
                    case RECOPY -> {
                        if (Files.exists(f)) {
                            // a shipper writes the file again from its start; a check runs while it is half done
                            byte[] b = Files.readAllBytes(f);
                            Files.write(f, java.util.Arrays.copyOf(b, b.length * op.amount() / 100));
                            check(dir, state, w);
                            Files.write(f, b);
                        }
                    }
                    case RENAME -> {
                        Path to = site.resolve(NAMES.get(op.to()));
                        if (Files.exists(f) && !Files.exists(to)) {
                            Files.move(f, to);
                        }
                    }
                    case REPLACE -> {
                        Files.deleteIfExists(f);
                        append(f, 1 + op.amount() / 4, serial);
                    }
                }
                if (anyLog(site)) {
                    check(dir, state, w);
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static boolean anyLog(Path site) throws IOException {
        try (Stream<Path> s = Files.list(site)) {
            return s.findAny().isPresent();
        }
    }

    private static void check(Path dir, Path state, Window w) throws Exception {
        LogSummary incremental = LogEngine.analyze(new LogRequest(List.of(dir), w, NOW, state, 10, 1));
        LogSummary full = LogEngine.analyze(new LogRequest(List.of(dir), w, NOW, null, 10, 1));
        assertThat(incremental.requests()).as("requests; notes %s", incremental.notes()).isEqualTo(full.requests());
        assertThat(incremental.count502_3()).isEqualTo(full.count502_3());
        assertThat(incremental.byStatus()).isEqualTo(full.byStatus());
        assertThat(incremental.win32For502_3()).isEqualTo(full.win32For502_3());
    }

    /** Lines that are all distinct (a serial in the URL), inside the last hour before NOW; a new file gets a header. */
    private static void append(Path f, int n, int[] serial) throws IOException {
        StringBuilder b = new StringBuilder();
        if (!Files.exists(f)) {
            b.append("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2026-11-24 14:")
                    .append(String.format("%02d:%02d", serial[0] % 50, serial[0] % 60)).append('\n')
                    .append("#Fields: date time cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        }
        for (int i = 0; i < n; i++) {
            int k = serial[0]++;
            boolean failed = k % 5 == 0;
            b.append(String.format("2026-11-24 14:%02d:%02d /api/orders/x%d %s %d%n", 10 + k % 49, k % 60, k,
                    failed ? "502 3 " + (k % 2 == 0 ? 12002 : 12029) : "200 0 0", failed ? 30_016 : 35));
        }
        Files.writeString(f, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
