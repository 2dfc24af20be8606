package io.arr502.core.config;

/**
 * A URL Rewrite rule. {@code scope} is "global" for globalRules, else the site/application path the
 * rule came from. {@code actionUrl} is the rewrite target, e.g. {@code http://appFarm/{R:0}}.
 */
public record RewriteRule(
        String scope,
        String name,
        boolean enabled,
        String matchUrl,
        boolean ignoreCase,
        boolean negate,
        String actionType,
        String actionUrl,
        boolean stopProcessing) {
}
