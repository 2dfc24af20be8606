package io.arr502.jenkinslint;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.security.AnyTypePermission;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.gate.GateThreshold;
import io.arr502.core.gate.QualityGate;
import io.arr502.core.log.Window;
import io.arr502.core.triage.Triage;
import io.arr502.core.triage.TriageRequest;
import io.arr502.core.verdict.Verdict;
import io.jenkins.plugins.arr502.data.FixPlan;
import io.jenkins.plugins.arr502.data.PeriodicResult;
import io.jenkins.plugins.arr502.data.PeriodicResults;
import io.jenkins.plugins.arr502.data.RemoteVerdict;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Everything the plugin stores, written and read back by XStream of the line Jenkins bundles, without
 * the extra access Java 17 would need (Jenkins' XStream2 converters are not here, so this is the
 * stricter reader). Old and partial data get their defaults from readResolve.
 */
class XStreamRoundTripTest {
    static final Path SAMPLE = Path.of("../samples/incident");

    static XStream xstream() {
        XStream x = new XStream();
        x.addPermission(AnyTypePermission.ANY); // Jenkins' XStream2 has no allow-list either
        return x;
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T o) {
        XStream x = xstream();
        String xml = x.toXML(o);
        T back = (T) x.fromXML(xml);
        assertThat(back).usingRecursiveComparison().isEqualTo(o);
        assertThat(x.toXML(back)).isEqualTo(xml);
        return back;
    }

    static RemoteVerdict incident() {
        TriageRequest req = new TriageRequest(List.of(SAMPLE.resolve("logs")), Window.all(), null, null, null, SAMPLE.resolve("config"),
                List.of(), null, null, null, null);
        Evidence ev = Triage.gather(req);
        Verdict v = Triage.judge(ev, req);
        return RemoteVerdict.of(v, QualityGate.evaluate(v, GateThreshold.parse("RATE:1:UNSTABLE,ROUTE_RATE:5:UNSTABLE")),
                ev.logs().perMinute()).withExamples(ev.logs().failedExamples());
    }

    @Test
    void theBuildsVerdictRoundTrips() {
        RemoteVerdict v = incident();
        assertThat(v.getRoutes()).isNotEmpty();
        assertThat(v.getGateWorst()).isEqualTo("UNSTABLE");
        RemoteVerdict back = roundTrip(v);
        assertThat(back.getCount502_3()).isEqualTo(385);
        assertThat(back.metrics(7, "UNSTABLE").requests()).isEqualTo(8098);
        assertThat(back.getReport()).contains("ARR_TIMEOUT_TOO_LOW");
        assertThat(back.getPerMinute()).isNotEmpty().hasSizeLessThanOrEqualTo(RemoteVerdict.MAX_MINUTES);
        assertThat(back.getPerMinute().stream().mapToLong(m -> m.getCount502_3()).sum()).isEqualTo(385);
        assertThat(back.getMinutesJson()).startsWith("{\"minutes\":[\"20").contains("\"count502_3\":[")
                .matches("[{}\\[\\]\",:0-9A-Za-z_\\-]*");
    }

    @Test
    void theFixAndRollbackRoundTripWithTheirShellsNamed() {
        RemoteVerdict back = roundTrip(incident());
        assertThat(back.getPlans()).isNotEmpty();
        FixPlan timeout = back.getPlans().stream().filter(p -> p.getCause().equals("ARR_TIMEOUT_TOO_LOW")).findFirst().orElseThrow();
        assertThat(timeout.getFix()).isNotEmpty();
        // every step has a form for a named shell, or manual text
        assertThat(timeout.getFix()).allSatisfy(s -> assertThat(s.getForms()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.getShell()).isIn("cmd", "PowerShell", "manual")));
        if (timeout.getFix().stream().anyMatch(s -> s.getKind().equals("run"))) {
            assertThat(timeout.getRollback()).isNotEmpty();
            assertThat(timeout.getRollback().get(0).getForms()).extracting(f -> f.getShell()).contains("cmd", "PowerShell");
        }
        // old builds stored no plans: an empty list, not null; a partial step keeps the form it has
        RemoteVerdict old = (RemoteVerdict) xstream().fromXML("<io.jenkins.plugins.arr502.data.RemoteVerdict/>");
        assertThat(old.getPlans()).isEmpty();
        FixPlan partial = (FixPlan) xstream().fromXML("<io.jenkins.plugins.arr502.data.FixPlan><fix>"
                + "<io.jenkins.plugins.arr502.data.FixStep><cmd>appcmd list sites</cmd></io.jenkins.plugins.arr502.data.FixStep>"
                + "</fix></io.jenkins.plugins.arr502.data.FixPlan>");
        assertThat(partial.getRollback()).isEmpty();
        assertThat(partial.getFix().get(0).getForms()).extracting(f -> f.getShell() + ":" + f.getText())
                .containsExactly("cmd:appcmd list sites");
    }

    @Test
    void theExample502_3LinesRoundTripWithFileAndLine() {
        RemoteVerdict back = roundTrip(incident());
        assertThat(back.getExamples()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getFile()).isNotEmpty();
            assertThat(e.getLineNumber()).isPositive();
            assertThat(e.getText()).contains("sc-substatus=3");
        });
        assertThat(((RemoteVerdict) xstream().fromXML("<io.jenkins.plugins.arr502.data.RemoteVerdict/>")).getExamples()).isEmpty();
    }

    @Test
    void periodicResultsRoundTripAndKeepTheirMemory() {
        PeriodicResults r = new PeriodicResults();
        assertThat(r.record(new PeriodicResult(1_000, "iis-01", "C:\\logs", "OK", "fine", "report 1"))).isEmpty();
        assertThat(r.record(new PeriodicResult(2_000, "iis-02", "C:\\logs", "WARNING", "502.3 rate 4 %", "report 2"))).isPresent();
        PeriodicResults back = roundTrip(r);
        // after a restart the memory still knows each agent's state: the same state is no change, a new one is
        assertThat(back.record(new PeriodicResult(3_000, "iis-02", "C:\\logs", "WARNING", "still", ""))).isEmpty();
        assertThat(back.record(new PeriodicResult(4_000, "iis-01", "C:\\logs", "CRITICAL", "bad", "")))
                .hasValueSatisfying(c -> assertThat(c.getId()).isEqualTo(4));
        assertThat(back.find(2)).hasValueSatisfying(p -> assertThat(p.getReport()).isEqualTo("report 2"));
        assertThat(back.getLatest()).extracting(PeriodicResult::getState).containsExactly("CRITICAL", "WARNING");
    }

    @Test
    void partialAndOldDataGetDefaults() {
        RemoteVerdict old = (RemoteVerdict) xstream().fromXML("""
                <io.jenkins.plugins.arr502.data.RemoteVerdict>
                  <state>WARNING</state>
                  <requests>10</requests>
                  <gateMessages><string>gate: UNSTABLE</string><string>UNSTABLE: 502.3 rate 5 %</string></gateMessages>
                </io.jenkins.plugins.arr502.data.RemoteVerdict>""");
        assertThat(old.getSummary()).isEmpty();
        assertThat(old.getRoutes()).isEmpty();
        assertThat(old.getFindings()).isEmpty();
        assertThat(old.getGateWorst()).isEqualTo("UNSTABLE");
        PeriodicResults empty = (PeriodicResults) xstream().fromXML("<io.jenkins.plugins.arr502.data.PeriodicResults/>");
        assertThat(empty.getHistory()).isEmpty();
        assertThat(empty.record(new PeriodicResult(1, null, null, null, null, null))).hasValueSatisfying(r -> {
            assertThat(r.getState()).isEqualTo("UNKNOWN");
            assertThat(r.getId()).isEqualTo(1);
        });
    }

    /** What the plugin stored before: a record. XStream writes it but cannot read it back; the check above would fail on it. */
    record StoredAsRecord(String state, long requests) {
    }

    @Test
    void aRecordDoesNotRoundTrip() {
        XStream x = xstream();
        String xml = x.toXML(new StoredAsRecord("WARNING", 10));
        assertThat(xml).contains("<state>WARNING</state>");
        // "can't get field offset on a record class": Jenkins' robust converter then leaves the field null
        assertThatThrownBy(() -> x.fromXML(xml)).hasRootCauseInstanceOf(UnsupportedOperationException.class);
    }

    /** Plain class holding a JDK immutable list, as the old gate messages were. */
    static final class HoldsImmutableList {
        List<String> messages = List.of("a", "b");
    }

    @Test
    void anImmutableJdkListDoesNotRoundTrip() {
        assertThatThrownBy(() -> roundTrip(new HoldsImmutableList())).hasMessageContaining("No converter available");
    }

    /** A periodic check whose window held no request is UNKNOWN, never OK (logs of an earlier day, window 15m). */
    @Test
    void aPeriodicCheckThatSawNothingIsNotOk(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("u_ex261125.log"), "#Fields: date time cs-uri-stem sc-status sc-substatus "
                + "sc-win32-status time-taken\n2026-11-25 10:00:00 /api/a 200 0 0 40\n");
        Verdict v = Triage.run(new TriageRequest(List.of(dir), Window.parse("15m"), null, null, null, null, List.of(), null, null, null,
                null));
        PeriodicResult r = PeriodicResult.of(1, "iis-01", dir.toString(), RemoteVerdict.of(v, QualityGate.evaluate(v, List.of())));
        // core's silence rule answers first: no request for longer than --silence (default 2 h) is a WARNING (issue 16)
        assertThat(v.state()).isEqualTo(io.arr502.core.verdict.State.WARNING);
        assertThat(r.getState()).isEqualTo("WARNING");
        assertThat(r.getSummary()).containsAnyOf("the window held no request", "no request");
        // whatever core answers for such a window, an OK on 0 requests becomes UNKNOWN here
        RemoteVerdict okOnNothing = new RemoteVerdict("OK", 0, "502.3 rate 0%", "", "", "", 0, 0, 0, 0, false, "", List.of(), List.of(),
                List.of());
        assertThat(PeriodicResult.of(1, "iis-01", "C:\\logs", okOnNothing).getSummary())
                .isEqualTo("the window held no request - nothing was judged (502.3 rate 0%)");
        assertThat(PeriodicResult.of(1, "iis-01", "C:\\logs", okOnNothing).getState()).isEqualTo("UNKNOWN");
        PeriodicResult busy = PeriodicResult.of(1, "iis-01", "C:\\logs", incident());
        assertThat(busy.getState()).isEqualTo(incident().getState()).isNotEqualTo("UNKNOWN");
    }
}
