package io.jenkins.plugins.arr502;

import io.arr502.core.gate.BuildMetrics;
import io.arr502.core.verdict.JsonOutput;
import io.arr502.core.verdict.NagiosOutput;
import io.arr502.core.verdict.TextOutput;
import io.arr502.core.verdict.Verdict;

import java.io.Serializable;
import java.util.List;

/**
 * What crosses from the agent to the controller: the verdict already rendered (Nagios text, report,
 * JSON) plus the few numbers the gate and the trend need. Small, and nothing but strings and numbers.
 */
public record RemoteVerdict(String state, int exitCode, String summary, String nagios, String report, String json,
                            long requests, long count502_3, double rate502_3, long worstRouteOkP99, boolean regression,
                            List<String> gateMessages) implements Serializable {

    private static final long serialVersionUID = 1L;

    static RemoteVerdict of(Verdict v, List<String> gateMessages) {
        long p99 = v.diagnosis() == null ? 0 : v.diagnosis().envelopes().stream().filter(e -> e.count502_3() > 0)
                .mapToLong(e -> e.okP99Millis()).max().orElse(0);
        boolean regression = v.diagnosis() != null && v.diagnosis().regression() != null && v.diagnosis().regression().regression();
        return new RemoteVerdict(v.state().name(), v.state().exitCode(), v.summary(), NagiosOutput.render(v), TextOutput.render(v),
                JsonOutput.render(v), v.metrics().requests(), v.metrics().count502_3(), v.metrics().rate502_3(), p99, regression,
                List.copyOf(gateMessages));
    }

    BuildMetrics metrics(int build, String result) {
        return new BuildMetrics(build, result, requests, count502_3, rate502_3, worstRouteOkP99);
    }
}
