package io.arr502.core.remediation;

import io.arr502.core.config.ConfigXml;
import io.arr502.core.config.XmlNode;

/**
 * What must hold in the live configuration before a plan may run: a name it creates is free, and what
 * it was computed from (the source farm, the global rules, the proxy section) has not changed since
 * the diagnosis. {@code expected} is the digest of the canonical form ({@link ConfigDigest}).
 */
public record Precondition(Kind kind, String name, String expected) {

    public enum Kind { FARM_ABSENT, RULE_ABSENT, FARM_UNCHANGED, GLOBAL_RULES_UNCHANGED, PROXY_UNCHANGED }

    /** Null when it holds in {@code live}, else the reason to refuse. */
    public String violation(ConfigXml live) {
        return switch (kind) {
            case FARM_ABSENT -> live.farm(name) == null ? null
                    : "farm " + name + " already exists (an earlier run applied this fix?); nothing was changed";
            case RULE_ABSENT -> live.globalRule(name) == null ? null
                    : "global rule " + name + " already exists (an earlier run applied this fix?); nothing was changed";
            case FARM_UNCHANGED -> {
                XmlNode f = live.farm(name);
                if (f == null) {
                    yield "farm " + name + " is missing from the live configuration";
                }
                yield ConfigDigest.of(f).equals(expected) ? null
                        : "farm " + name + " changed since the diagnosis (live: " + ConfigDigest.canonical(f) + ")";
            }
            case GLOBAL_RULES_UNCHANGED -> ConfigDigest.ofRules(live.globalRules()).equals(expected) ? null
                    : "the global rewrite rules changed since the diagnosis";
            case PROXY_UNCHANGED -> ConfigDigest.of(live.proxy()).equals(expected) ? null
                    : "system.webServer/proxy changed since the diagnosis";
        };
    }

    public String describe() {
        return switch (kind) {
            case FARM_ABSENT -> "no farm named " + name + " exists";
            case RULE_ABSENT -> "no global rule named " + name + " exists";
            case FARM_UNCHANGED -> "farm " + name + " is as diagnosed (" + expected + ")";
            case GLOBAL_RULES_UNCHANGED -> "the global rules are as diagnosed (" + expected + ")";
            case PROXY_UNCHANGED -> "system.webServer/proxy is as diagnosed (" + expected + ")";
        };
    }
}
