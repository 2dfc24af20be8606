package io.arr502.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * No input line may make the parser throw. In the normal build this runs the seed inputs
 * (regression mode); {@code JAZZER_FUZZ=1 ./mvnw -pl core test -Dtest=LineParserFuzzTest} fuzzes for real.
 */
class LineParserFuzzTest {
    private static final String[] LAYOUTS = {W3cLogGenerator.FULL_FIELDS, W3cLogGenerator.DEFAULT_FIELDS,
        "date time sc-status", "time-taken sc-status date time cs-uri-stem s-sitename", ""};

    @FuzzTest(maxDuration = "10s")
    void anyLineIsCountedOrRejectedNeverThrown(FuzzedDataProvider data) {
        Tally t = new Tally();
        LineScanner s = new LineScanner(t, Long.MIN_VALUE, Long.MAX_VALUE, 3);
        String layout = LAYOUTS[data.consumeInt(0, LAYOUTS.length - 1)];
        byte[] fields = ("#Fields: " + layout).getBytes(StandardCharsets.UTF_8);
        s.line(fields, 0, fields.length);
        int lines = data.consumeInt(1, 4);
        for (int i = 0; i < lines; i++) {
            byte[] b = i == lines - 1 ? data.consumeRemainingAsBytes() : data.consumeBytes(data.consumeInt(0, 400));
            s.line(b, 0, b.length);
        }
        LogSummary sum = t.summary(1, 0, java.util.List.of());
        assertThat(sum.requests() + sum.malformedLines()).isLessThanOrEqualTo(lines);
    }
}
