package io.arr502.core.remediation;

import io.arr502.core.config.ArrConfig;
import io.arr502.core.config.RouteResolver;
import io.arr502.core.config.RouteTarget;
import io.arr502.core.config.WebFarm;
import io.arr502.core.config.XmlNode;
import io.arr502.core.diagnosis.Cause;
import io.arr502.core.diagnosis.Diagnosis;
import io.arr502.core.diagnosis.Finding;
import io.arr502.core.diagnosis.RouteEnvelope;
import io.arr502.core.evidence.Evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runbook's fix for each diagnosed cause, as commands for a named shell with their rollback.
 * Timeouts are raised only where a route needs it (a dedicated farm and rule per timeout class), and
 * a rollback restores the values read from the configuration, never an assumed 00:00:30. A value from
 * the evidence that cannot go into a command safely, or a value the evidence lacks, turns the plan
 * into manual notes that {@code --apply} refuses.
 */
public final class RemediationPlanner {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private RemediationPlanner() {
    }

    /**
     * The plans as triage prints them: the backup is named after the newest request in the evidence, so
     * the same evidence prints the same plan ({@code remediate --apply} names it after the time it runs).
     */
    public static List<RemediationPlan> plan(Diagnosis d, Evidence ev) {
        java.time.Instant at = ev != null && ev.logs() != null && ev.logs().lastRequest() != null ? ev.logs().lastRequest()
                : java.time.Instant.EPOCH;
        return plan(d, ev, Clock.fixed(at, ZoneOffset.UTC));
    }

    /** {@code clock} names the backup (arr502-yyyyMMddTHHmmss). */
    public static List<RemediationPlan> plan(Diagnosis d, Evidence ev, Clock clock) {
        List<RemediationPlan> plans = new ArrayList<>();
        if (d == null) {
            return plans;
        }
        String backup = "arr502-" + STAMP.format(clock.instant());
        for (Finding f : d.findings()) {
            switch (f.cause()) {
                case ARR_TIMEOUT_TOO_LOW -> plans.addAll(timeoutPlans(d, ev, backup));
                case BACKEND_STALL -> plans.add(new RemediationPlan(Cause.BACKEND_STALL, "find why the backend stalls or hangs requests; do not raise the timeout",
                        List.of(RemediationStep.powershellCheck("backend request queue (on the backend)",
                                        "Get-Counter '\\ASP.NET\\Requests Queued','\\ASP.NET Applications(__Total__)\\Requests in Application Queue' -SampleInterval 5 -MaxSamples 12"),
                                RemediationStep.manual("recycle the backend's application pool", "the backend",
                                        "on the backend, recycle the pool that serves the slow route: appcmd recycle apppool /apppool.name:NAME "
                                                + "(the evidence does not name the pool)")),
                        List.of(), List.of("Raising the ARR timeout hides a stalled backend; fix the backend first.",
                        "Where a route's successful requests are fast and others end at the timeout, the backend hangs those "
                                + "requests (locks, pool starvation, a stuck dependency): a longer timeout only holds them longer.")));
                case BACKEND_UNREACHABLE -> plans.add(new RemediationPlan(Cause.BACKEND_UNREACHABLE, "restore connectivity to the backend",
                        backendChecks(ev), List.of(), List.of("No configuration change: 12029 means ARR could not open a connection.")));
                case CONNECTION_RESET -> plans.add(new RemediationPlan(Cause.CONNECTION_RESET, "find who drops the backend connection",
                        List.of(RemediationStep.powershellCheck("backend HTTP.sys drops (on the backend)",
                                        "Select-String -Path \"$env:windir\\System32\\LogFiles\\HTTPERR\\httperr*.log\" -Pattern 'Connection_Dropped'"),
                                RemediationStep.appcmdCheck("ARR keep-alive setting", List.of("list", "config", AppcmdArgs.PROXY, "/config:*", "/text:keepAlive"))),
                        List.of(), List.of()));
                case TLS_TRUST_FAILURE -> plans.add(new RemediationPlan(Cause.TLS_TRUST_FAILURE, "make the proxy trust the backend certificate",
                        List.of(RemediationStep.manual("export the backend's certificate", "the backend",
                                        "export the backend's certificate and its issuing CA (the evidence does not hold them)"),
                                RemediationStep.cmdCheck("show the backend chain as the proxy sees it", "certutil -urlfetch -verify backend.cer",
                                        "certutil -urlfetch -verify backend.cer"),
                                RemediationStep.powershellCheck("import the backend's issuing CA on the proxy",
                                        "Import-Certificate -FilePath backend-ca.cer -CertStoreLocation Cert:\\LocalMachine\\Root")),
                        List.of(RemediationStep.manual("remove the imported CA", null,
                                "Remove-Item with the imported certificate's thumbprint under Cert:\\LocalMachine\\Root")), List.of()));
                case NO_HEALTHY_SERVER -> plans.add(new RemediationPlan(Cause.NO_HEALTHY_SERVER, "bring a farm server back",
                        List.of(RemediationStep.appcmdCheck("farm servers and health", List.of("list", "config", AppcmdArgs.FARMS, "/config:*", "/xml"))),
                        List.of(), List.of("Check the health check URL and minServers; a server marked unhealthy takes no traffic.")));
                case UPSTREAM_504 -> plans.add(new RemediationPlan(Cause.UPSTREAM_504, "follow the 504 upstream",
                        List.of(RemediationStep.manual("the backend's own log for the same requests", "the backend",
                                "on the backend, search its W3C log for the same URLs with status 504")),
                        List.of(), List.of("A 504 is the backend's answer, passed through; ARR's own timeouts are 502.3/12002.")));
                case ANCM_REQUEST_TIMEOUT, ANCM_CONNECTION_FAILURE -> plans.add(ProducerPlans.ancm(f.cause(), ev));
                case BACKEND_CONNECT_TIMEOUT -> plans.add(ProducerPlans.connectTimeout(ev));
                case BACKEND_SERVER_FAILING -> java.util.Optional.ofNullable(DrainPlans.drain(d, ev, backup)).ifPresent(plans::add);
                default -> {
                }
            }
        }
        java.util.Optional.ofNullable(FrebPlans.enableTracing(d, ev)).ifPresent(plans::add); // last: keeps the other plans' numbers
        return plans;
    }

    private static List<RemediationPlan> timeoutPlans(Diagnosis d, Evidence ev, String backup) {
        List<RemediationPlan> out = new ArrayList<>();
        ArrConfig cfg = ev.config();
        for (RouteEnvelope env : d.envelopes()) {
            if (env.recommendedTimeout() == null || env.count502_3() == 0 || !env.route().startsWith("/")
                    || io.arr502.core.log.RouteStats.synthetic(env.route())) {
                continue; // "(other routes)" is many routes' overflow, with no URL a rule could match
            }
            if (ev.freb() != null && ev.freb().raisingArrTimeoutWontHelp(env.route())) {
                continue; // FREB: the ASP.NET Core Module's timeouts, or ARR never reached the backend
            }
            String hms = AppcmdArgs.hms(env.recommendedTimeout());
            List<String> notes = new ArrayList<>();
            notes.add(String.format(Locale.US, "%s: successful p99 %,d ms, %d × 502.3; current timeout %s (%s); class %s = %s",
                    env.route(), env.okP99Millis(), env.count502_3(), env.effectiveTimeout() == null ? "unknown" : AppcmdArgs.hms(env.effectiveTimeout()),
                    env.timeoutSource(), env.recommendedClass(), hms));
            notes.add("Only this route gets the longer budget; every other route keeps the current timeout.");
            RouteTarget target = cfg == null ? null : RouteResolver.resolve(cfg, env.route());
            WebFarm farm = target == null || target.farm() == null ? null
                    : cfg.farms().stream().filter(f -> f.name().equalsIgnoreCase(target.farm())).findFirst().orElse(null);
            String title = "dedicated farm " + (farm == null ? "" : safeName(farm.name()) + "-" + env.recommendedClass() + " ") + "(" + hms + ") for " + env.route();
            try {
                out.add(dedicatedFarm(env, cfg, target, farm, hms, backup, title, notes));
            } catch (UnsafeValueException e) {
                out.add(manualPlan(title, "give " + env.route() + " its own farm with a " + hms + " timeout and a rule placed first that routes it there",
                        e.getMessage(), notes));
            }
            if (farm != null) {
                try {
                    out.add(farmTimeout(cfg, farm, hms, backup));
                } catch (UnsafeValueException e) {
                    out.add(manualPlan("alternative: raise the farm's timeout to " + hms, "raise the farm's protocol timeout to " + hms, e.getMessage(), List.of()));
                }
            } else if (target != null && target.farm() == null && target.effectiveTimeout() != null && target.rule() != null) {
                out.add(proxyTimeout(cfg, hms, backup));
            }
        }
        return out;
    }

    private static String safeName(String s) {
        try {
            return Names.farm(s);
        } catch (UnsafeValueException e) {
            return "(farm)";
        }
    }

    private static RemediationPlan manualPlan(String title, String what, String why, List<String> notes) {
        List<String> n = new ArrayList<>(notes);
        n.add("Not applied automatically: " + why + ".");
        return new RemediationPlan(Cause.ARR_TIMEOUT_TOO_LOW, title, List.of(RemediationStep.manual(what, null, what + " (" + why + ")")),
                List.of(), n, null, List.of(), why);
    }

    private static RemediationPlan dedicatedFarm(RouteEnvelope env, ArrConfig cfg, RouteTarget target, WebFarm farm, String hms, String backup,
                                                 String title, List<String> notes) {
        if (cfg == null) {
            throw new UnsafeValueException("no configuration was given (--config applicationHost.config or appcmd output names the farm and its servers)");
        }
        if (cfg.xml() == null) {
            throw new UnsafeValueException("the configuration was not read as XML");
        }
        if (farm == null) {
            throw new UnsafeValueException("no rewrite rule in the configuration forwards " + env.route() + " to a farm");
        }
        XmlNode source = cfg.xml().farm(farm.name());
        if (source == null) {
            throw new UnsafeValueException("farm " + farm.name() + " was not found in the configuration's XML");
        }
        if (!"global".equals(target.ruleScope())) {
            // a global rule of the same name, if any, is another rule: never copy it in place of this one
            throw new UnsafeValueException(scopedRule(target));
        }
        XmlNode rule = cfg.xml().globalRule(target.rule());
        if (rule == null) {
            throw new UnsafeValueException("global rule " + target.rule() + " was not found in the configuration's XML");
        }
        for (XmlNode r : cfg.xml().globalRules()) {
            if (r == rule) {
                break;
            }
            if (!"false".equalsIgnoreCase(r.attr("enabled"))) {
                throw new UnsafeValueException("global rule " + r.attr("name") + " runs before " + target.rule() + "; a rule placed first would bypass it");
            }
        }
        String farmName = Names.farm(farm.name());
        String newFarm = farmName + "-" + env.recommendedClass();
        String ruleName = "ARR_" + env.recommendedClass() + "_" + slug(env.route());
        List<RemediationStep> fix = new ArrayList<>();
        fix.add(backupStep(backup));
        fix.addAll(FarmClone.steps(source, newFarm, hms));
        fix.addAll(RouteRule.steps(rule, farmName, ruleName, RoutePattern.of(env.route()), newFarm));
        List<Precondition> checks = List.of(
                new Precondition(Precondition.Kind.FARM_ABSENT, newFarm, null),
                new Precondition(Precondition.Kind.RULE_ABSENT, ruleName, null),
                new Precondition(Precondition.Kind.FARM_UNCHANGED, farmName, ConfigDigest.of(source)),
                new Precondition(Precondition.Kind.GLOBAL_RULES_UNCHANGED, null, ConfigDigest.ofRules(cfg.xml().globalRules())));
        return new RemediationPlan(Cause.ARR_TIMEOUT_TOO_LOW, title, fix, rollbackOf(fix), notes, backup, checks, null);
    }

    /** Why a rule below the server's global rules cannot become the route's global rule as it is. */
    private static String scopedRule(RouteTarget target) {
        String scope = target.ruleScope();
        int slash = scope == null ? -1 : scope.indexOf('/');
        if (slash < 0 || slash == scope.length() - 1) {
            return "rule " + target.rule() + " that forwards the route is a rule of " + (scope == null ? "an unknown level" : scope)
                    + ", not a global rule; a global rule placed first would apply to every site";
        }
        String app = scope.substring(slash);
        return "rule " + target.rule() + " that forwards the route is a rule of " + scope + ": it sees the path relative to " + app
                + " (its {R:0} lacks " + app + "), so a global rule copied from it would send another URL to the backend and apply to every site";
    }

    private static RemediationPlan farmTimeout(ArrConfig cfg, WebFarm farm, String hms, String backup) {
        String name = Names.farm(farm.name());
        XmlNode source = cfg.xml() == null ? null : cfg.xml().farm(name);
        if (source == null) {
            throw new UnsafeValueException("farm " + name + " was not read as XML");
        }
        Duration current = farm.protocol().timeout();
        String path = "[name='" + name + "'].applicationRequestRouting.protocol";
        RemediationStep undo = RemediationStep.appcmd("restore " + AppcmdArgs.hms(current) + (farm.protocol().timeoutExplicit() ? "" : " (the schema default; it was not set)"),
                null, AppcmdArgs.setConfig(AppcmdArgs.FARMS, List.of(AppcmdArgs.set(path, "timeout", AppcmdArgs.hms(current)))));
        List<RemediationStep> fix = List.of(backupStep(backup), RemediationStep.appcmd("raise the farm timeout", undo,
                AppcmdArgs.setConfig(AppcmdArgs.FARMS, List.of(AppcmdArgs.set(path, "timeout", hms)))));
        return new RemediationPlan(Cause.ARR_TIMEOUT_TOO_LOW, "alternative: raise farm " + name + "'s timeout to " + hms + " (affects all its routes)",
                fix, rollbackOf(fix), List.of("Every route on " + name + " may then hold a connection for " + hms + "."), backup,
                List.of(new Precondition(Precondition.Kind.FARM_UNCHANGED, name, ConfigDigest.of(source))), null);
    }

    private static RemediationPlan proxyTimeout(ArrConfig cfg, String hms, String backup) {
        Duration current = cfg.proxy().timeout();
        RemediationStep undo = RemediationStep.appcmd("restore " + AppcmdArgs.hms(current), null,
                AppcmdArgs.setConfig(AppcmdArgs.PROXY, List.of("/timeout:" + AppcmdArgs.hms(current))));
        List<RemediationStep> fix = List.of(backupStep(backup), RemediationStep.appcmd("raise the proxy timeout (takes effect without a restart)", undo,
                AppcmdArgs.setConfig(AppcmdArgs.PROXY, List.of("/timeout:" + hms))));
        List<Precondition> checks = cfg.xml() == null ? List.of()
                : List.of(new Precondition(Precondition.Kind.PROXY_UNCHANGED, null, ConfigDigest.of(cfg.xml().proxy())));
        return new RemediationPlan(Cause.ARR_TIMEOUT_TOO_LOW, "alternative: raise the server-wide proxy timeout to " + hms,
                fix, rollbackOf(fix), List.of("Affects every proxied route on this server."), backup, checks,
                checks.isEmpty() ? "the configuration was not read as XML" : null);
    }

    static RemediationStep backupStep(String name) {
        return RemediationStep.appcmd("back up the server configuration (restore: appcmd restore backup " + name + ")", null,
                List.of("add", "backup", name));
    }

    /** The undo of every fix step, last first. */
    static List<RemediationStep> rollbackOf(List<RemediationStep> fix) {
        List<RemediationStep> r = new ArrayList<>();
        for (int i = fix.size() - 1; i >= 0; i--) {
            if (fix.get(i).undo() != null) {
                r.add(fix.get(i).undo());
            }
        }
        return r;
    }

    private static List<RemediationStep> backendChecks(Evidence ev) {
        List<RemediationStep> out = new ArrayList<>();
        if (ev.config() != null) {
            for (WebFarm f : ev.config().farms()) {
                for (WebFarm.FarmServer s : f.servers()) {
                    try {
                        String host = Names.host(s.address());
                        out.add(RemediationStep.powershellCheck("TCP reachability of " + host,
                                Shell.POWERSHELL.line("Test-NetConnection -ComputerName", List.of(host)) + " -Port " + s.httpsPort()));
                    } catch (UnsafeValueException e) {
                        out.add(RemediationStep.manual("TCP reachability of a farm server", null, "test the connection by hand: " + e.getMessage()));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            out.add(RemediationStep.manual("TCP reachability of each farm server", null,
                    "Test-NetConnection -ComputerName SERVER -Port 443 for each farm server (give --config to list them)"));
        }
        out.add(RemediationStep.powershellCheck("application pool failures (on the backend)",
                "Get-WinEvent -LogName System -MaxEvents 20 -FilterXPath \"*[System[Provider[@Name='Microsoft-Windows-WAS'] and (EventID=5002 or EventID=5009 or EventID=5010 or EventID=5011)]]\""));
        return out;
    }

    static String slug(String route) {
        String s = route.replaceAll("\\{[a-z]+}", "").replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        s = s.isEmpty() ? "root" : s;
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
