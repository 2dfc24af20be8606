package io.arr502.core.diagnosis.rules;

import io.arr502.core.diagnosis.CauseRule;

import java.util.List;

/** Every rule the diagnosis runs, in the order ties between equally confident findings keep. */
public final class CauseRules {
    private CauseRules() {
    }

    public static List<CauseRule> all() {
        return List.of(
                new TimeoutRule(),
                new CannotConnectRule(),
                new ConnectionResetRule(),
                new TlsTrustRule(),
                new NoHealthyServerRule(),
                new Upstream504Rule(),
                new FrebTraceRule(),
                new BackendStallSignalsRule(),
                new PoolExhaustionRule(),
                new ApplicationEventRule(),
                new AncmRule(),
                new ConnectTimeoutRule());
    }
}
