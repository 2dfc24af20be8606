package io.arr502.core.diagnosis.rules;

import io.arr502.core.collect.CollectedEvidence;
import io.arr502.core.diagnosis.BackendServer;
import io.arr502.core.diagnosis.BackendServers;
import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/** One farm server carries most of its farm's failures (FREB's routed server, else ARR's Failed Requests counter). */
final class BackendServerRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        List<BackendServer> servers = BackendServers.of(in.evidence());
        return BackendServers.dominant(servers, in.evidence().config()).map(d -> {
            BackendServer s = d.server();
            List<String> lines = new ArrayList<>();
            lines.add(BackendServers.line(s));
            d.others().forEach(o -> lines.add(BackendServers.line(o)));
            if (d.others().size() + 1 < d.farmServers()) {
                lines.add(String.format(Locale.US, "%d other configured server(s) of %s have no failures in the evidence",
                        d.farmServers() - d.others().size() - 1, s.farm()));
            }
            lines.add(d.byCounters() ? "from ARR's per-server Failed Requests counters during the collection" + span(in, s)
                    : "FREB keeps at most maxLogFiles (default 50) traces per site: these counts are a sample");
            String what = d.byCounters() ? String.format(Locale.US, "%d of %d failed requests (ARR counters)", s.failedRequestsRise(), d.farmFailures())
                    : String.format(Locale.US, "%d of %d traced 502.3", s.failedTraces(), d.farmFailures());
            return List.of(Candidate.counted(new Finding(Cause.BACKEND_SERVER_FAILING, clamp(0.75 * d.share()), String.format(Locale.US,
                    "%s carries %s in farm %s (%d server(s))", s.server(), what, s.farm(), d.farmServers()), lines),
                    d.byCounters() ? s.failedRequestsRise() : s.failedTraces()));
        }).orElse(List.of());
    }

    /** What the counter's rise covers: seconds of a live sample, or the window read from a counter log. */
    private static String span(DiagnosisInput in, BackendServer s) {
        if (in.logs() == null || in.logs().perMinute().isEmpty() || in.evidence().collected() == null) {
            return "";
        }
        String instance = ("(" + s.farm() + "\\" + s.server() + ")\\failed requests").toLowerCase(Locale.ROOT);
        List<CollectedEvidence.CounterSample> series = in.evidence().collected().counters().stream()
                .filter(x -> x.path().toLowerCase(Locale.ROOT).endsWith(instance)).toList();
        return series.isEmpty() ? "" : " (" + CounterCoverage.of(series, in.logs()).describe() + ")";
    }
}
