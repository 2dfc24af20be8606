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
                new StalledRouteRule(),
                new CannotConnectRule(),
                new ConnectionResetRule(),
                new TlsTrustRule(),
                new NoHealthyServerRule(),
                new Upstream504Rule(),
                new FrebTraceRule(),
                new BackendStallSignalsRule(),
                new PoolExhaustionRule(),
                new AncmRule(),
                new ConnectTimeoutRule(),
                new BackendServerRule(),
                new ClientAbortRule(),
                new OtherSubstatusRule(),
                new EventLogRule(),
                new UnseenCauseRule(),
                // early warnings: they rank after every cause
                new TimeoutHeadroomRule(),
                new RisingRateRule());
        // no rule reads HRESULTs from Application-log entries as per-request ARR causes: ARR documents only health
        // events there (1000, 1002; TechNet ff872129) and HRESULT-bearing entries come from the ASP.NET Core Module
        // (issue 16); CollectedEvidence.EventLogEntry.kind() names the real ones
    }
}
