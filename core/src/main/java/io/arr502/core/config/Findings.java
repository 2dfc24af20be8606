package io.arr502.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Misconfigurations visible in the configuration alone that lead to 502.x. */
final class Findings {
    private Findings() {
    }

    static List<ConfigFinding> of(ProxySettings proxy, List<WebFarm> farms, List<RewriteRule> rules) {
        List<ConfigFinding> out = new ArrayList<>();
        boolean forwards = rules.stream().anyMatch(r -> r.enabled() && r.actionUrl() != null && r.actionUrl().matches("(?i)^https?://.*")
                && "Rewrite".equalsIgnoreCase(r.actionType()));
        if (!proxy.enabled() && forwards) {
            out.add(new ConfigFinding("PROXY_DISABLED",
                    "system.webServer/proxy is disabled while rewrite rules forward to http(s) URLs: ARR will not proxy them"));
        }
        for (WebFarm f : farms) {
            if (f.servers().isEmpty()) {
                out.add(new ConfigFinding("FARM_EMPTY", "webFarm " + f.name() + " has no servers (502.4 for everything routed to it)"));
            } else if (f.servers().stream().noneMatch(WebFarm.FarmServer::enabled)) {
                out.add(new ConfigFinding("FARM_NO_ENABLED_SERVER", "webFarm " + f.name() + ": all " + f.servers().size()
                        + " servers are disabled (502.4 for everything routed to it)"));
            }
            if (!f.protocol().timeoutExplicit() && f.protocol().timeout().compareTo(proxy.timeout()) < 0) {
                out.add(new ConfigFinding("FARM_TIMEOUT_DEFAULT", String.format(Locale.US,
                        "webFarm %s uses the default %d s protocol timeout, shorter than the %d s proxy timeout: "
                                + "routes to the farm get the farm's %d s, not the proxy's", f.name(), f.protocol().timeout().toSeconds(),
                        proxy.timeout().toSeconds(), f.protocol().timeout().toSeconds())));
            }
            WebFarm.HealthCheck hc = f.healthCheck();
            if (hc.url() != null && hc.timeout().compareTo(hc.interval()) >= 0) {
                out.add(new ConfigFinding("HEALTHCHECK_TIMEOUT", String.format(Locale.US,
                        "webFarm %s: health check timeout %d s is not shorter than its interval %d s", f.name(),
                        hc.timeout().toSeconds(), hc.interval().toSeconds())));
            }
            boolean httpsToFarm = rules.stream().anyMatch(r -> r.actionUrl() != null
                    && r.actionUrl().toLowerCase(Locale.ROOT).startsWith("https://" + f.name().toLowerCase(Locale.ROOT) + "/"));
            if (httpsToFarm && f.protocol().preserveHostHeader()) {
                out.add(new ConfigFinding("HTTPS_PRESERVE_HOST", "webFarm " + f.name()
                        + ": https with preserveHostHeader=true sends the public Host header to the servers; their bindings and "
                        + "certificates must accept that name (else TLS or 404/400 failures)"));
            }
        }
        return out;
    }
}
