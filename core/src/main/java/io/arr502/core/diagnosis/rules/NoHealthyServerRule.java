package io.arr502.core.diagnosis.rules;

import io.arr502.core.config.WebFarm;
import io.arr502.core.diagnosis.Candidate;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.CauseRule;
import io.arr502.core.diagnosis.DiagnosisInput;
import io.arr502.core.diagnosis.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.arr502.core.diagnosis.DiagnosisInput.clamp;

/** No farm member can take the request: 502.4 in the log, or a farm whose servers are all disabled. */
final class NoHealthyServerRule implements CauseRule {

    @Override
    public List<Candidate> evaluate(DiagnosisInput in) {
        List<Candidate> out = new ArrayList<>();
        long c5024 = in.logs() == null ? 0 : in.logs().count("502.4");
        if (c5024 > 0) {
            out.add(Candidate.counted(new Finding(Cause.NO_HEALTHY_SERVER, clamp(0.9 * c5024 / in.failures()), String.format(Locale.US,
                    "%d requests found no healthy farm server (502.4)", c5024),
                    List.of(c5024 + " × 502.4: every farm member offline or failing its health check (see minServers and the health check URL)")),
                    c5024));
        }
        if (in.evidence().config() != null) {
            for (WebFarm f : in.evidence().config().farms()) {
                if (!f.servers().isEmpty() && f.servers().stream().noneMatch(WebFarm.FarmServer::enabled)) {
                    out.add(Candidate.observed(new Finding(Cause.NO_HEALTHY_SERVER, 0.6, "farm " + f.name() + " has no enabled server",
                            List.of("webFarm " + f.name() + ": " + f.servers().size() + " server(s), all disabled"))));
                }
            }
        }
        return out;
    }
}
