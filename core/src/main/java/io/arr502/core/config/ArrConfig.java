package io.arr502.core.config;

import java.util.List;

/**
 * The ARR-relevant configuration: proxy section, farms, rewrite rules (global first, then site
 * rules), and what looks wrong in it. {@code source} names where it was read from; {@code xml} keeps
 * the farms, global rules and proxy section as written (null when not read from XML).
 */
public record ArrConfig(
        String source,
        ProxySettings proxy,
        List<WebFarm> farms,
        List<RewriteRule> rules,
        List<ConfigFinding> findings,
        ConfigXml xml) {

    public ArrConfig(String source, ProxySettings proxy, List<WebFarm> farms, List<RewriteRule> rules, List<ConfigFinding> findings) {
        this(source, proxy, farms, rules, findings, null);
    }
}
