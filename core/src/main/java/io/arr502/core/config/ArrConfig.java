package io.arr502.core.config;

import java.util.List;

/**
 * The ARR-relevant configuration: proxy section, farms, rewrite rules (global first, then site
 * rules), and what looks wrong in it. {@code source} names where it was read from.
 */
public record ArrConfig(
        String source,
        ProxySettings proxy,
        List<WebFarm> farms,
        List<RewriteRule> rules,
        List<ConfigFinding> findings) {
}
