package io.arr502.core.log;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No input may make the parser or the engine throw. In the normal build this runs the seed corpus
 * (regression mode); fuzz for real with {@code JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest=LineParserFuzzTest}
 * (add {@code -Djazzer.max_duration=10m} for a longer run).
 */
class LineParserFuzzTest {
    private static final FieldLayout LAYOUT = new FieldLayout(IisLogGenerator.FULL_FIELDS);
    private static final FieldLayout SHORT = new FieldLayout(List.of("time-taken", "cs-uri-stem", "sc-status", "date", "time"));

    @FuzzTest(maxDuration = "20s")
    void lineParserNeverThrows(FuzzedDataProvider data) {
        byte[] line = data.consumeRemainingAsBytes();
        ParsedLine out = new ParsedLine();
        LineParser p = new LineParser();
        for (FieldLayout l : List.of(LAYOUT, SHORT)) {
            boolean ok = p.parse(line, 0, line.length, l, out);
            assertThat(ok || out.error != null).isTrue();
            int spaces = 0;
            for (byte b : line) {
                spaces += b == ' ' ? 1 : 0;
            }
            boolean counted = p.parseCounted(line, 0, line.length, spaces + 1, l, out);
            assertThat(counted).isEqualTo(ok);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void engineNeverThrowsOnAnyFile(FuzzedDataProvider data) throws Exception {
        String header = data.consumeBoolean() ? "#Fields: " + String.join(" ", IisLogGenerator.DEFAULT_FIELDS) + "\n" : "";
        byte[] body = data.consumeRemainingAsBytes();
        Path dir = Files.createTempDirectory("fuzz");
        try {
            Path f = dir.resolve("u_ex261124.log");
            byte[] h = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] all = new byte[h.length + body.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            Files.write(f, all);
            LogSummary s = LogEngine.analyze(LogRequest.of(List.of(f), Window.all()).withState(dir.resolve("state.json")));
            assertThat(s.requests()).isGreaterThanOrEqualTo(0);
            assertThat(s.malformedLines()).isGreaterThanOrEqualTo(0);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
