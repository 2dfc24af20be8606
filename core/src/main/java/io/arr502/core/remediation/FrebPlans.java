package io.arr502.core.remediation;

import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.Diagnosis;
import io.arr502.core.evidence.Evidence;

import java.util.List;

/**
 * Without FREB the check cannot tell ARR from the ASP.NET Core Module, a connect from a response timeout, or which
 * server failed. This plan switches on a 502 trace rule with the RequestRouting area, in the shape of the IIS
 * configuration reference's traceFailedRequests and sites/site/traceFailedRequestsLogging appcmd samples. Every
 * value is a constant (nothing from the evidence); the plan has no pre-flight checks, so {@code --apply} refuses it:
 * it is printed to paste, for cmd and PowerShell.
 */
final class FrebPlans {
    static final String SITE = "Default Web Site";
    private static final String SECTION = "-section:system.webServer/tracing/traceFailedRequests";

    private FrebPlans() {
    }

    /** null when FREB was given, or there is no backend 502.3 to trace (none, or only client aborts). */
    static RemediationPlan enableTracing(Diagnosis d, Evidence ev) {
        if (ev.freb() != null || ev.logs() == null || ev.logs().count502_3() == 0 || d.top() == null
                || d.top().cause() == Cause.HEALTHY || d.top().cause() == Cause.CLIENT_ABORT
                || d.top().cause() == Cause.UNDETERMINED_502_3) { // its fix is a log field (a manual note), no configuration change
            return null;
        }
        RemediationStep removeRule = RemediationStep.appcmd("remove the rule", null,
                List.of("set", "config", SITE, SECTION, "/-[path='*']", AppcmdArgs.COMMIT));
        List<RemediationStep> fix = List.of(
                RemediationStep.appcmd("turn on failed request tracing for " + SITE, null, List.of("set", "config",
                        "-section:system.applicationHost/sites", "/[name='" + SITE + "'].traceFailedRequestsLogging.enabled:true", AppcmdArgs.COMMIT)),
                RemediationStep.appcmd("a rule for every path", removeRule, List.of("set", "config", SITE, SECTION, "/+[path='*']", AppcmdArgs.COMMIT)),
                RemediationStep.appcmd("trace ARR (RequestRouting) and URL Rewrite", null, List.of("set", "config", SITE, SECTION,
                        "/+[path='*'].traceAreas.[provider='WWW Server',areas='Rewrite,RequestRouting',verbosity='Verbose']", AppcmdArgs.COMMIT)),
                RemediationStep.appcmd("on 502 (every substatus)", null, List.of("set", "config", SITE, SECTION,
                        "/[path='*'].failureDefinitions.statusCodes:502", AppcmdArgs.COMMIT)));
        return new RemediationPlan(d.top().cause(),
                "trace 502s (FREB is absent): tells ARR from the ASP.NET Core Module, connect from response, and the server",
                fix, RemediationPlanner.rollbackOf(fix),
                List.of("For the site \"" + SITE + "\"; name the proxy's own site if it is another. Traces go to "
                                + "%SystemDrive%\\inetpub\\logs\\FailedReqLogFiles\\W3SVC<id>; IIS keeps at most maxLogFiles (default 50) per site, "
                                + "so give them to --freb soon after an incident.",
                        "The 'Tracing' role service (Web-Http-Tracing) must be installed; adding the rule fails if a rule for '*' exists. "
                                + "The rollback removes the rule; switch traceFailedRequestsLogging off again only if it was off."));
    }
}
