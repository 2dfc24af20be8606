package io.arr502.core.verdict;

import io.arr502.core.diagnosis.DiagnosisOptions;
import io.arr502.core.log.Window;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windows hands Java the user's regional format: on an Arabic, Persian or Marathi IIS host a default-locale
 * String.format writes native digits, and "appcmd ... /timeout:٠٠:٠٥:٠٠" is not a command IIS accepts.
 * Every output, the fix commands included, must be the same whatever the host's locale.
 */
class LocaleIndependenceTest {
    private static final Path SAMPLE = Path.of("../samples/incident");

    private static String everything() {
        Verdict v = Triage.run(new TriageRequest(List.of(SAMPLE.resolve("logs")), Window.all(), null, null, null,
                SAMPLE.resolve("config"), List.of(), null, null, null, DiagnosisOptions.defaults()));
        return NagiosOutput.render(v) + TextOutput.render(v) + JsonOutput.render(v);
    }

    @Test
    void outputIsTheSameUnderAnArabicOrPersianDefaultLocale() {
        String reference = everything();
        assertThat(reference).contains("protocol.timeout:00:02:00");
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        try {
            for (String tag : new String[]{"ar-SA", "fa-IR", "mr-IN", "de-DE"}) {
                Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag(tag));
                assertThat(everything()).as(tag).isEqualTo(reference);
            }
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }
}
