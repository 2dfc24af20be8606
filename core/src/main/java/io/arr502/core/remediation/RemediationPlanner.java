package io.arr502.core.remediation;

import io.arr502.core.config.ArrConfig;
import io.arr502.core.config.RouteResolver;
import io.arr502.core.config.RouteTarget;
import io.arr502.core.config.WebFarm;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.Diagnosis;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.diagnosis.RouteEnvelope;
import io.arr502.core.evidence.Evidence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runbook's fix for each diagnosed cause, as exact commands with their rollback. Timeouts are
 * raised only where a route needs it (a dedicated farm and rule per timeout class), and a rollback
 * restores the values read from the configuration, never an assumed 00:00:30.
 */
public final class RemediationPlanner {
    private RemediationPlanner() {
    }

    public static List<RemediationPlan> plan(Diagnosis d, Evidence ev) {
        List<RemediationPlan> plans = new ArrayList<>();
        if (d == null) {
            return plans;
        }
        for (Finding f : d.findings()) {
            switch (f.cause()) {
                case ARR_TIMEOUT_TOO_LOW -> plans.addAll(timeoutPlans(d, ev));
                case BACKEND_STALL -> plans.add(new RemediationPlan(Cause.BACKEND_STALL, "find why the backend is slow before touching timeouts",
                        List.of(Appcmd.show("backend request queue", "Get-Counter '\\ASP.NET\\Requests Queued','\\ASP.NET Applications(__Total__)\\Requests in Application Queue' -SampleInterval 5 -MaxSamples 12"),
                                Appcmd.step("recycle the backend application pool (run on the backend)", "recycle", "apppool", "/apppool.name:" + poolName(ev))),
                        List.of(), List.of("Raising the ARR timeout hides a stalled backend; fix the backend first.")));
                case BACKEND_UNREACHABLE -> plans.add(new RemediationPlan(Cause.BACKEND_UNREACHABLE, "restore connectivity to the backend",
                        backendChecks(ev), List.of(), List.of("No configuration change: 12029 means ARR could not open a connection.")));
                case CONNECTION_RESET -> plans.add(new RemediationPlan(Cause.CONNECTION_RESET, "find who drops the backend connection",
                        List.of(Appcmd.show("backend HTTP.sys drops", "Select-String -Path $env:windir\\System32\\LogFiles\\HTTPERR\\httperr*.log -Pattern 'Connection_Dropped'"),
                                Appcmd.show("ARR keep-alive setting", "appcmd list config -section:system.webServer/proxy /config:* /text:keepAlive")),
                        List.of(), List.of()));
                case TLS_TRUST_FAILURE -> plans.add(new RemediationPlan(Cause.TLS_TRUST_FAILURE, "make the proxy trust the backend certificate",
                        List.of(Appcmd.show("show the backend chain as the proxy sees it", "certutil -urlfetch -verify backend.cer"),
                                Appcmd.show("import the backend's issuing CA on the proxy", "Import-Certificate -FilePath backend-ca.cer -CertStoreLocation Cert:\\LocalMachine\\Root")),
                        List.of(Appcmd.show("remove the imported CA", "Remove-Item Cert:\\LocalMachine\\Root\\<thumbprint>")), List.of()));
                case NO_HEALTHY_SERVER -> plans.add(new RemediationPlan(Cause.NO_HEALTHY_SERVER, "bring a farm server back",
                        List.of(Appcmd.show("farm servers and health", "appcmd list config -section:webFarms /config:* /xml")), List.of(),
                        List.of("Check the health check URL and minServers; a server marked unhealthy takes no traffic.")));
                case UPSTREAM_504 -> plans.add(new RemediationPlan(Cause.UPSTREAM_504, "follow the 504 upstream",
                        List.of(Appcmd.show("the backend's own log for the same requests", "Get-Content <backend>\\u_ex*.log | Select-String ' 504 '")),
                        List.of(), List.of("A 504 is the backend's answer, passed through; ARR's own timeouts are 502.3/12002.")));
                case ANCM_REQUEST_TIMEOUT, ANCM_CONNECTION_FAILURE -> plans.add(ProducerPlans.ancm(f.cause(), ev));
                case BACKEND_CONNECT_TIMEOUT -> plans.add(ProducerPlans.connectTimeout(ev));
                case BACKEND_SERVER_FAILING -> java.util.Optional.ofNullable(DrainPlans.drain(d, ev)).ifPresent(plans::add);
                default -> {
                }
            }
        }
        return plans;
    }

    private static List<RemediationPlan> timeoutPlans(Diagnosis d, Evidence ev) {
        List<RemediationPlan> out = new ArrayList<>();
        ArrConfig cfg = ev.config();
        for (RouteEnvelope env : d.envelopes()) {
            if (env.recommendedTimeout() == null || env.count502_3() == 0 || io.arr502.core.log.RouteStats.synthetic(env.route())
                    || (ev.freb() != null && ev.freb().raisingArrTimeoutWontHelp(env.route()))) {
                // FREB: the ASP.NET Core Module's timeouts, or ARR never reached the backend; "(other routes)" is many
                // routes' overflow, with no URL a rule could match
                continue;
            }
            RouteTarget target = cfg == null ? null : RouteResolver.resolve(cfg, env.route());
            WebFarm farm = target == null || target.farm() == null ? null
                    : cfg.farms().stream().filter(f -> f.name().equalsIgnoreCase(target.farm())).findFirst().orElse(null);
            String farmName = farm != null ? farm.name() : "<farm>";
            String newFarm = farmName.replace("<", "").replace(">", "") + "-" + env.recommendedClass();
            String ruleName = "ARR_" + env.recommendedClass() + "_" + slug(env.route());
            String pattern = "^" + env.route().substring(1).replace(".", "\\.").replace("{id}", "\\d+")
                    .replace("{guid}", "[0-9a-fA-F-]{36}").replace("{hex}", "[0-9a-fA-F]+") + "$";
            String hms = Appcmd.hms(env.recommendedTimeout());
            String scheme = target != null && target.backendUrl() != null && target.backendUrl().toLowerCase(Locale.ROOT).startsWith("http://") ? "http" : "https";

            List<RemediationStep> fix = new ArrayList<>();
            fix.add(Appcmd.step("create farm " + newFarm + " for the " + env.recommendedClass() + " class",
                    "set", "config", "-section:webFarms", "/+[name='" + newFarm + "']", "/commit:apphost"));
            List<String> servers = farm == null ? List.of("<server>") : farm.servers().stream().map(WebFarm.FarmServer::address).toList();
            for (String s : servers) {
                fix.add(Appcmd.step("add " + s + " to " + newFarm,
                        "set", "config", "-section:webFarms", "/+[name='" + newFarm + "'].[address='" + s + "']", "/commit:apphost"));
            }
            fix.add(Appcmd.step("give " + newFarm + " a " + hms + " timeout",
                    "set", "config", "-section:webFarms", "/[name='" + newFarm + "'].applicationRequestRouting.protocol.timeout:" + hms, "/commit:apphost"));
            fix.add(Appcmd.step("route " + env.route() + " to " + newFarm + " ahead of the other rules",
                    "set", "config", "-section:system.webServer/rewrite/globalRules",
                    "/+[@start,name='" + ruleName + "',patternSyntax='ECMAScript',stopProcessing='True']", "/commit:apphost"));
            fix.add(Appcmd.step("match " + env.route(), "set", "config", "-section:system.webServer/rewrite/globalRules",
                    "/[name='" + ruleName + "'].match.url:" + pattern, "/commit:apphost"));
            fix.add(Appcmd.step("rewrite to " + newFarm, "set", "config", "-section:system.webServer/rewrite/globalRules",
                    "/[name='" + ruleName + "'].action.type:Rewrite", "/[name='" + ruleName + "'].action.url:" + scheme + "://" + newFarm + "/{R:0}",
                    "/commit:apphost"));
            List<RemediationStep> rollback = List.of(
                    Appcmd.step("remove rule " + ruleName, "set", "config", "-section:system.webServer/rewrite/globalRules",
                            "/-[name='" + ruleName + "']", "/commit:apphost"),
                    Appcmd.step("remove farm " + newFarm, "set", "config", "-section:webFarms", "/-[name='" + newFarm + "']", "/commit:apphost"));
            List<String> notes = new ArrayList<>();
            notes.add(String.format(Locale.US, "%s: successful p99 %,d ms, %d × 502.3; current timeout %s (%s); class %s = %s",
                    env.route(), env.okP99Millis(), env.count502_3(), env.effectiveTimeout() == null ? "unknown" : Appcmd.hms(env.effectiveTimeout()),
                    env.timeoutSource(), env.recommendedClass(), hms));
            notes.add("Only this route gets the longer budget; every other route keeps the current timeout.");
            if (farm == null) {
                notes.add("Farm and servers are placeholders: give --config (applicationHost.config or appcmd output) to fill them in.");
            }
            out.add(new RemediationPlan(Cause.ARR_TIMEOUT_TOO_LOW, "dedicated farm " + newFarm + " (" + hms + ") for " + env.route(),
                    List.copyOf(fix), rollback, List.copyOf(notes)));

            // the runbook's quicker alternative, with the rollback to the value in force now
            if (farm != null) {
                Duration current = farm.protocol().timeout();
                out.add(new RemediationPlan(Cause.ARR_TIMEOUT_TOO_LOW, "alternative: raise farm " + farmName + "'s timeout to " + hms + " (affects all its routes)",
                        List.of(Appcmd.step("raise the farm timeout", "set", "config", "-section:webFarms",
                                "/[name='" + farmName + "'].applicationRequestRouting.protocol.timeout:" + hms, "/commit:apphost")),
                        List.of(Appcmd.step("restore " + Appcmd.hms(current) + (farm.protocol().timeoutExplicit() ? "" : " (the schema default; it was not set)"),
                                "set", "config", "-section:webFarms",
                                "/[name='" + farmName + "'].applicationRequestRouting.protocol.timeout:" + Appcmd.hms(current), "/commit:apphost")),
                        List.of("Every route on " + farmName + " may then hold a connection for " + hms + ".")));
            } else if (target != null && target.farm() == null && target.effectiveTimeout() != null) {
                Duration current = cfg.proxy().timeout();
                out.add(new RemediationPlan(Cause.ARR_TIMEOUT_TOO_LOW, "alternative: raise the server-wide proxy timeout to " + hms,
                        List.of(Appcmd.step("raise the proxy timeout", "set", "config", "-section:system.webServer/proxy", "/timeout:" + hms, "/commit:apphost"),
                                Appcmd.command("restart IIS without forcing", "iisreset", "/noforce")),
                        List.of(Appcmd.step("restore " + Appcmd.hms(current), "set", "config", "-section:system.webServer/proxy",
                                        "/timeout:" + Appcmd.hms(current), "/commit:apphost"),
                                Appcmd.command("restart IIS without forcing", "iisreset", "/noforce")),
                        List.of("Affects every proxied route on this server.")));
            }
        }
        return out;
    }

    private static List<RemediationStep> backendChecks(Evidence ev) {
        List<RemediationStep> out = new ArrayList<>();
        if (ev.config() != null) {
            for (WebFarm f : ev.config().farms()) {
                for (WebFarm.FarmServer s : f.servers()) {
                    out.add(Appcmd.show("TCP reachability of " + s.address(), "Test-NetConnection -ComputerName " + s.address() + " -Port " + s.httpsPort()));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Appcmd.show("TCP reachability of each farm server", "Test-NetConnection -ComputerName <server> -Port 443"));
        }
        out.add(Appcmd.show("application pool failures on the backend", "Get-WinEvent -FilterHashtable @{LogName='System';ProviderName='Microsoft-Windows-WAS';Id=5002,5009,5010,5011} -MaxEvents 20"));
        return out;
    }

    private static String poolName(Evidence ev) {
        return "<backend app pool>";
    }

    static String slug(String route) {
        String s = route.replaceAll("\\{[a-z]+}", "").replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "root" : s;
    }
}
