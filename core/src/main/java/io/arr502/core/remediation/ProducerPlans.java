package io.arr502.core.remediation;

import io.arr502.core.diagnosis.Cause;
import io.arr502.core.evidence.Evidence;
import io.arr502.core.freb.FrebTrace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Plans for 502.3s that are not ARR waiting on a slow backend: the ASP.NET Core Module's own timeout or lost
 * app, and ARR timing out before the request reached the backend. None changes an ARR farm.
 */
final class ProducerPlans {
    /** Only names that cannot leave a command line are printed into one (evidence is not trusted). */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,10}");

    private ProducerPlans() {
    }

    static RemediationPlan ancm(Cause cause, Evidence ev) {
        List<RemediationStep> steps = new ArrayList<>();
        List<String> sites = traces(ev, t -> t.producer() == FrebTrace.Producer.ASPNET_CORE_MODULE).stream().map(FrebTrace::siteId)
                .filter(s -> s != null && DIGITS.matcher(s).matches()).distinct().limit(3).toList();
        for (String id : sites) {
            steps.add(RemediationStep.appcmdCheck("the site (id " + id + ") whose app the module runs", List.of("list", "site", "/id:" + id)));
        }
        List<String> notes = new ArrayList<>();
        if (cause == Cause.ANCM_REQUEST_TIMEOUT) {
            notes.add("The ASP.NET Core Module, not ARR, gave up: raise system.webServer/aspNetCore@requestTimeout (default 00:02:00, "
                    + "out-of-process hosting) in that app's web.config above its longest legitimate request, or make the app answer sooner.");
        } else {
            notes.add("The ASP.NET Core Module lost or could not reach its app process: read the app's stdout log (aspNetCore@stdoutLogEnabled) "
                    + "and the Application log for the process exiting; restarting the app pool restarts the process.");
        }
        notes.add("No ARR farm or proxy timeout change: these 502.3s did not pass through ARR (FREB ModuleName).");
        return new RemediationPlan(cause, cause == Cause.ANCM_REQUEST_TIMEOUT ? "the app's aspNetCore@requestTimeout, or the app itself"
                : "the app process behind the ASP.NET Core Module", List.copyOf(steps), List.of(), List.copyOf(notes));
    }

    static RemediationPlan connectTimeout(Evidence ev) {
        List<RemediationStep> steps = new ArrayList<>();
        traces(ev, t -> t.failedConnecting() && Integer.valueOf(12002).equals(t.win32())).stream().map(FrebTrace::backendServer)
                .filter(s -> s != null && HOST.matcher(s).matches()).distinct().limit(4).forEach(s -> {
                    steps.add(RemediationStep.powershellCheck("does " + s + " resolve", Shell.POWERSHELL.line("Resolve-DnsName -Name", List.of(s))));
                    steps.add(RemediationStep.powershellCheck("TCP reachability of " + s,
                            Shell.POWERSHELL.line("Test-NetConnection -ComputerName", List.of(s)) + " -Port 443"));
                });
        if (steps.isEmpty()) {
            steps.add(RemediationStep.manual("TCP reachability of each farm server", null,
                    "Test-NetConnection -ComputerName SERVER -Port 443 for each farm server (FREB names none)"));
        }
        return new RemediationPlan(Cause.BACKEND_CONNECT_TIMEOUT, "restore reachability of the backend (the request never reached it)",
                List.copyOf(steps), List.of(), List.of(String.format(Locale.US,
                        "Raising the ARR timeout does not help: FREB shows ARR_REQUEST_HEADERS still open (resolve, connect or send), "
                                + "so the backend never had the request. Check DNS, routing, firewall and the server's listen backlog.")));
    }

    private static List<FrebTrace> traces(Evidence ev, java.util.function.Predicate<FrebTrace> p) {
        return ev.freb() == null ? List.of() : ev.freb().failed502_3().stream().filter(p).toList();
    }
}
