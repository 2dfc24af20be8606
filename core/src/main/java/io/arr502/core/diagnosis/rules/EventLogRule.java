package io.arr502.core.diagnosis.rules;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.collect.CollectedEvidence.EventKind;
import io.arr502.core.collect.CollectedEvidence.EventLogEntry;
import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static io.arr502.core.diagnosis.DiagnosisInput.oneLine;

/**
 * The documented events (CollectedEvidence.EventKind) as direct observations: ARR 1000/1002 are health events
 * (TechNet ff872129), ANCM events are the module's and never an ARR farm's, WAS 5002/5009/5010/5011 are an app pool
 * failing on this host (cc735151). Only events inside the window the logs were judged on count (issue 17: a 24 h
 * collection must not explain a 15-minute triage), the requested window and not its first..last request (an app pool
 * that crashed stops the requests, not the window); without logs the window is unknown and that is said.
 */
final class EventLogRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        CollectedEvidence c = in.evidence().collected();
        if (c == null) {
            return List.of();
        }
        // the window the triage judged, not its first..last request: requests stop when an app pool crashes
        Instant from = in.logs() == null ? null : in.logs().windowStart();
        Instant to = in.logs() == null ? null : in.logs().windowEnd();
        if (in.logs() != null && (from == null || to == null)) {
            return List.of(); // an open window and no request in it: no window to place an event in
        }
        List<EventLogEntry> all = Stream.concat(c.applicationEvents().stream(), c.wasEvents().stream())
                .filter(e -> e.kind() != EventKind.OTHER).toList();
        List<EventLogEntry> inWindow = all.stream()
                .filter(e -> from == null || (e.time() != null && !e.time().isBefore(from) && e.time().isBefore(to))).toList();
        String where = c.onHost() + ", " + (from == null ? "collected events (no log window to filter them by)"
                : String.format(Locale.US, "in the window %s; %d documented event(s) outside the window ignored", window(from, to),
                all.size() - inWindow.size()));
        List<Candidate> out = new ArrayList<>();
        List<String> servers = UnhealthyServers.lines(inWindow.stream().filter(e -> e.kind() == EventKind.ARR_SERVER_UNHEALTHY).toList());
        add(out, inWindow, EventKind.ARR_SERVER_UNHEALTHY, Cause.BACKEND_UNREACHABLE, 0.5, where,
                "ARR marked a farm server unhealthy (event 1000)", servers,
                "fix: the server and reason the event names; ARR stops routing to it until its health check passes");
        add(out, inWindow, EventKind.ARR_FARM_MIN_SERVERS, Cause.NO_HEALTHY_SERVER, 0.5, where,
                "a farm reached its minimum-server threshold (ARR event 1002): unhealthy servers get traffic", List.of(),
                "fix: bring the farm's unhealthy servers back (see the 1000 events), check minServers");
        add(out, inWindow, EventKind.ASPNET_CORE_MODULE, Cause.ANCM_CONNECTION_FAILURE, 0.4, where,
                "the ASP.NET Core Module logged errors, not ARR", List.of(),
                "fix: the app process behind the module (stdout log, start errors); ARR farm settings do not apply");
        add(out, inWindow, EventKind.WAS_POOL_FAILURE, Cause.BACKEND_UNREACHABLE, 0.5, where,
                "an application pool failed " + c.onHost() + " (WAS 5002/5009/5010/5011)", List.of(),
                "fix: the application pool " + c.onHost() + " (rapid-fail protection, crashes); not an ARR farm setting");
        return out;
    }

    /** "2026-11-24 14:00..14:15 UTC" (the end is exclusive; its date only when it differs). */
    static String window(Instant from, Instant to) {
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
                .withZone(java.time.ZoneOffset.UTC);
        String a = day.format(from);
        String b = day.format(to);
        return a + ".." + (a.regionMatches(0, b, 0, 11) ? b.substring(11) : b) + " UTC";
    }

    private static void add(List<Candidate> out, List<EventLogEntry> events, EventKind kind, Cause cause, double confidence,
                            String where, String summary, List<String> named, String fix) {
        List<EventLogEntry> hits = events.stream().filter(e -> e.kind() == kind).toList();
        if (hits.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(hits.size() + " event(s) " + where);
        named.forEach(n -> lines.add("marked unhealthy: " + n));
        hits.stream().limit(3).forEach(e -> lines.add(e.time() + " " + e.provider() + " " + e.id() + ": " + oneLine(e.message())));
        lines.add(fix);
        out.add(Candidate.observed(new Finding(cause, confidence, summary, lines)));
    }
}
