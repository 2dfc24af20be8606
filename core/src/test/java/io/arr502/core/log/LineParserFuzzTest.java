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
            String plain = ok ? fields(out) : null;
            int spaces = 0;
            for (byte b : line) {
                spaces += b == ' ' ? 1 : 0;
            }
            // the word-at-a-time path must find the very same fields, also when the line sits inside
            // a larger buffer with other bytes (spaces, newlines) on both sides
            boolean counted = p.parseCounted(line, 0, line.length, spaces + 1, l, out);
            assertThat(counted).isEqualTo(ok);
            if (ok) {
                assertThat(fields(out)).isEqualTo(plain);
            }
            byte[] padded = new byte[line.length + 20];
            java.util.Arrays.fill(padded, (byte) ' ');
            padded[9] = '\n';
            System.arraycopy(line, 0, padded, 10, line.length);
            boolean inside = p.parseCounted(padded, 10, 10 + line.length, spaces + 1, l, out);
            assertThat(inside).isEqualTo(ok);
            if (ok) {
                assertThat(fields(out).replace("@", "")).isEqualTo(shift(plain));
            }
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

    /** The decoded values and the field positions, as one comparable string. */
    private static String fields(ParsedLine o) {
        return o.status + " " + o.substatus + " " + o.win32 + " " + o.timeTaken + " " + o.epochMinute + " @" + o.uriFrom + " @" + o.uriTo
                + " @" + o.siteFrom + " @" + o.siteTo + " @" + o.ipFrom + " @" + o.ipTo;
    }

    /** plain with every position moved 10 bytes on (absent fields stay -1). */
    private static String shift(String plain) {
        StringBuilder b = new StringBuilder();
        for (String part : plain.split(" ")) {
            if (part.startsWith("@")) {
                int v = Integer.parseInt(part.substring(1));
                part = String.valueOf(v < 0 ? v : v + 10);
            }
            b.append(b.length() == 0 ? "" : " ").append(part);
        }
        return b.toString();
    }
}
