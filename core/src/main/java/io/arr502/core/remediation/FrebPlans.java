package io.arr502.core.remediation;

import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.Diagnosis;
import io.arr502.core.evidence.Evidence;

import java.util.List;

/**
 * Without FREB the check cannot tell ARR from the ASP.NET Core Module, a connect from a response timeout, or which
 * server failed. This plan switches on a 502 trace rule with the RequestRouting area, in the shape of the IIS
 * configuration reference's traceFailedRequests and sites/site/traceFailedRequestsLogging appcmd samples, for cmd.exe.
 */
final class FrebPlans {
    static final String SITE = "Default Web Site";
    private static final String SECTION = "-section:system.webServer/tracing/traceFailedRequests";

    private FrebPlans() {
    }

    /** null when FREB was given, or there is no backend 502.3 to trace (none, or only client aborts). */
    static RemediationPlan enableTracing(Diagnosis d, Evidence ev) {
        if (ev.freb() != null || ev.logs() == null || ev.logs().count502_3() == 0 || d.top() == null
                || d.top().cause() == Cause.HEALTHY || d.top().cause() == Cause.CLIENT_ABORT) {
            return null;
        }
        Cause cause = d.top().cause();
        return new RemediationPlan(cause, "trace 502s (FREB is absent): tells ARR from the ASP.NET Core Module, connect from response, and the server",
                List.of(Appcmd.step("turn on failed request tracing for " + SITE, "set", "config", "-section:system.applicationHost/sites",
                                "/[name='" + SITE + "'].traceFailedRequestsLogging.enabled:true", "/commit:apphost"),
                        Appcmd.step("a rule for every path", "set", "config", SITE, SECTION, "/+[path='*']", "/commit:apphost"),
                        Appcmd.step("trace ARR (RequestRouting) and URL Rewrite", "set", "config", SITE, SECTION,
                                "/+[path='*'].traceAreas.[provider='WWW Server',areas='Rewrite,RequestRouting',verbosity='Verbose']", "/commit:apphost"),
                        Appcmd.step("on 502 (every substatus)", "set", "config", SITE, SECTION, "/[path='*'].failureDefinitions.statusCodes:502",
                                "/commit:apphost")),
                List.of(Appcmd.step("remove the rule", "set", "config", SITE, SECTION, "/-[path='*']", "/commit:apphost")),
                List.of("cmd.exe commands for the site \"" + SITE + "\"; name the proxy's own site if it is another. Traces go to "
                        + "%SystemDrive%\\inetpub\\logs\\FailedReqLogFiles\\W3SVC<id>; IIS keeps at most maxLogFiles (default 50) per site, "
                        + "so give them to --freb soon after an incident.",
                        "The 'Tracing' role service (Web-Http-Tracing) must be installed; adding the rule fails if a rule for '*' exists."));
    }
}
