package io.arr502.core.diagnosis;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.collect.CollectedEvidence.EventLogEntry;
import io.arr502.core.collect.EvidenceFolder;
import io.arr502.core.evidence.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: documented events count only inside the window the logs were judged on, and each points at its own owner. */
class EventLogRuleTest {
    @TempDir
    Path dir;

    /** The ps51 fixture's ANCM 1010 and WAS 5011 (collect/README.md names their sources), read by the real reader. */
    private static CollectedEvidence fixture() throws Exception {
        return EvidenceFolder.read(Path.of("src/test/resources/collect/ps51"));
    }

    private static EventLogEntry at(EventLogEntry e, String time) {
        return new EventLogEntry(Instant.parse(time), e.id(), e.provider(), e.level(), e.logName(), e.message());
    }

    private static CollectedEvidence events(List<EventLogEntry> app, List<EventLogEntry> was) {
        return new CollectedEvidence("ARR01", null, app, was, List.of(), null, List.of(), List.of(), Map.of(), List.of());
    }

    private Diagnosis diagnose(CollectedEvidence c) throws Exception {
        return diagnose(c, io.arr502.core.log.Window.all());
    }

    private Diagnosis diagnose(CollectedEvidence c, io.arr502.core.log.Window window) throws Exception {
        // requests 2026-11-24 14:00-14:09 UTC with some 502.3 12029
        Evidence logs = new Scenario().lines(500, "/a", 200, 0, 0, 40).lines(20, "/a", 502, 3, 12029, 15).lines(80, "/a", 200, 0, 0, 40)
                .evidence(dir, window);
        return Diagnoser.diagnose(new Evidence(logs.logs(), null, null, List.of(), c, List.of()), DiagnosisOptions.defaults());
    }

    @Test
    void fixtureEventsOutsideTheTriageWindowAreIgnored() throws Exception {
        CollectedEvidence c = fixture(); // ANCM 2025-11-24 14:05Z, WAS 2026-11-24 13:19:40Z: both before the 14:00 window
        Diagnosis d = diagnose(c);
        assertThat(d.findings()).extracting(Finding::cause).doesNotContain(Cause.ANCM_CONNECTION_FAILURE);
        assertThat(d.findings()).flatExtracting(Finding::evidence).noneSatisfy(e -> assertThat(e).contains("WAS"));
    }

    @Test
    void eventsInsideTheWindowPointAtTheirOwner() throws Exception {
        CollectedEvidence f = fixture();
        CollectedEvidence c = events(List.of(at(f.applicationEvents().get(0), "2026-11-24T14:03:00Z")),
                List.of(at(f.wasEvents().get(0), "2026-11-24T14:04:00Z"), f.wasEvents().get(0)));
        Diagnosis d = diagnose(c);
        Finding ancm = d.findings().stream().filter(x -> x.cause() == Cause.ANCM_CONNECTION_FAILURE).findFirst().orElseThrow();
        assertThat(ancm.headline()).contains("ASP.NET Core Module").contains("not ARR");
        assertThat(ancm.evidence()).anySatisfy(e -> assertThat(e).contains("ErrorCode '0x800700c1'"))
                .noneSatisfy(e -> assertThat(e).containsIgnoringCase("webFarm"));
        Finding unreachable = d.findings().stream().filter(x -> x.cause() == Cause.BACKEND_UNREACHABLE).findFirst().orElseThrow();
        assertThat(unreachable.evidence()).anySatisfy(e -> assertThat(e).contains("application pool 'Reports'"))
                .anySatisfy(e -> assertThat(e).contains("on ARR01"))
                .anySatisfy(e -> assertThat(e).contains("1 documented event(s) outside the window ignored"));
    }

    /** An ARR health event on the provider name the collector matches ("Request Routing"; ARR's own is undocumented). */
    private static EventLogEntry arr(String time, int id, String message) {
        return new EventLogEntry(Instant.parse(time), id, "Application Request Routing", "3", "Application", message);
    }

    @Test
    void arrHealthEventsCorroborateTheirCauses() throws Exception {
        // message shapes of ARR 1000/1002 as TechNet ff872129 gives them (CollectedEvidence.EventKind); the provider name
        // is the one the collector matches ("Request Routing"), ARR's own is undocumented
        CollectedEvidence c = events(List.of(
                arr("2026-11-24T14:02:00Z", 1000, "Server app01 in server farm Api is being marked unhealthy due to 12029"),
                arr("2026-11-24T14:02:30Z", 1002, "Server farm Api has reached its minimum server threshold")), List.of());
        Diagnosis d = diagnose(c);
        assertThat(d.findings()).extracting(Finding::cause).contains(Cause.BACKEND_UNREACHABLE, Cause.NO_HEALTHY_SERVER);
        Finding none = d.findings().stream().filter(x -> x.cause() == Cause.NO_HEALTHY_SERVER).findFirst().orElseThrow();
        assertThat(none.evidence()).anySatisfy(e -> assertThat(e).contains("minimum server threshold"));
        assertThat(d.findings().stream().filter(x -> x.cause() == Cause.BACKEND_UNREACHABLE).findFirst().orElseThrow().evidence())
                .anySatisfy(e -> assertThat(e).contains("app01 in server farm Api"));
    }

    @Test
    void theServerFarmAndReasonOfEvent1000AreNamedInTheSummaryWhenTheMessageHasItsDocumentedShape() throws Exception {
        // TechNet ff872129: "Server <server name> in server farm <server farm name> is being marked unhealthy due to <reason>."
        CollectedEvidence c = events(List.of(
                arr("2026-11-24T14:02:00Z", 1000, "Server app02 in server farm Api is being marked unhealthy due to 12029."),
                arr("2026-11-24T14:05:00Z", 1000, "Server app02 in server farm Api is being marked unhealthy due to 12002."),
                arr("2026-11-24T14:03:00Z", 1000, "Server app01 in server farm Api is being marked unhealthy due to 12029."),
                // a message without the documented shape (here cut short) is not read for names, only counted and shown
                arr("2026-11-24T14:04:00Z", 1000, "Server app03 in server farm Api")), List.of());
        List<String> ev = diagnose(c).findings().stream().filter(x -> x.cause() == Cause.BACKEND_UNREACHABLE).findFirst().orElseThrow()
                .evidence();
        assertThat(ev).anySatisfy(e -> assertThat(e).startsWith("4 event(s)"));
        assertThat(ev.stream().filter(e -> e.startsWith("marked unhealthy: ")).toList()).containsExactly(
                "marked unhealthy: app02 in farm Api ×2 (last reason: 12002)",
                "marked unhealthy: app01 in farm Api ×1 (last reason: 12029)");
    }

    @Test
    void theWindowIsTheRequestedOneNotTheLogsFirstToLastRequest() throws Exception {
        // the app pool crashed at 14:12 and requests stopped after 14:09: a 14:00-14:15 triage still counts the crash
        CollectedEvidence f = fixture();
        CollectedEvidence c = events(List.of(), List.of(at(f.wasEvents().get(0), "2026-11-24T14:12:00Z"),
                at(f.wasEvents().get(0), "2026-11-24T14:15:00Z")));
        io.arr502.core.log.Window range = io.arr502.core.log.Window.range(Instant.parse("2026-11-24T14:00:00Z"),
                Instant.parse("2026-11-24T14:15:00Z"));
        Finding pool = diagnose(c, range).findings().stream().filter(x -> x.cause() == Cause.BACKEND_UNREACHABLE).findFirst().orElseThrow();
        assertThat(pool.evidence()).contains("1 event(s) on ARR01, in the window 2026-11-24 14:00..14:15 UTC; "
                + "1 documented event(s) outside the window ignored"); // 14:15:00 is the window's (exclusive) end
        assertThat(pool.evidence()).anySatisfy(e -> assertThat(e).startsWith("2026-11-24T14:12:00Z").contains("application pool 'Reports'"));

        // window all ends with the last request's minute (14:09): the 14:12 crash is after it
        assertThat(diagnose(c).findings()).flatExtracting(Finding::evidence).noneSatisfy(e -> assertThat(e).contains("WAS"))
                .anySatisfy(e -> assertThat(e).contains("12029"));
    }
}
