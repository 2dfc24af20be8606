package io.arr502.core.remediation;

import io.arr502.core.config.XmlNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The global rule that sends one route to the new farm: a copy of the rule that forwards it today
 * (its conditions, server variables, action options and scheme) with the route's own pattern and the
 * new farm as host. It is added first in the list in one appcmd call, disabled and with every property
 * set, and enabled by a last, separate call: no state between the calls routes or errors traffic.
 */
final class RouteRule {
    private RouteRule() {
    }

    static List<RemediationStep> steps(XmlNode original, String sourceFarm, String ruleName, String pattern, String newFarm) {
        Names.rule(ruleName);
        Names.farm(newFarm);
        String rule = "[name='" + ruleName + "']";
        XmlNode match = original.child("match");
        if (match != null && "true".equalsIgnoreCase(match.attr("negate"))) {
            throw new UnsafeValueException("rule " + original.attr("name") + " matches by negation; a route rule cannot be derived from it");
        }
        XmlNode action = original.child("action");
        String url = action == null ? null : action.attr("url");
        String prefix = url == null ? null : url.toLowerCase(Locale.ROOT).startsWith("https://") ? url.substring(0, 8)
                : url.toLowerCase(Locale.ROOT).startsWith("http://") ? url.substring(0, 7) : null;
        if (prefix == null || !url.substring(prefix.length()).toLowerCase(Locale.ROOT).startsWith(sourceFarm.toLowerCase(Locale.ROOT) + "/")
                || !"Rewrite".equalsIgnoreCase(action.attr("type"))) {
            throw new UnsafeValueException("rule " + original.attr("name") + " does not rewrite to http(s)://" + sourceFarm + "/…");
        }
        if (url.matches("(?s).*\\{R:[1-9][0-9]*}.*")) {
            // the route's pattern has no groups: {R:1} would be empty and the backend would get another URL
            throw new UnsafeValueException("rule " + original.attr("name") + " builds its URL from a group of its own pattern ("
                    + Shell.printable(url) + "); a route rule with the route's pattern cannot keep it");
        }
        String newUrl = prefix + newFarm + url.substring(prefix.length() + sourceFarm.length());

        Map<String, String> own = new LinkedHashMap<>();
        own.put("name", ruleName);
        own.put("enabled", "false");
        own.put("patternSyntax", "ECMAScript");
        own.put("stopProcessing", original.attr("stopProcessing") == null ? "false" : original.attr("stopProcessing"));
        List<String> edits = new ArrayList<>();
        edits.add("/+" + AppcmdArgs.indexer("@start", own));
        edits.add(AppcmdArgs.set(rule + ".match", "url", pattern));
        for (XmlNode c : original.children()) {
            switch (c.name()) {
                case "match" -> {
                    // the route's own pattern replaces it; ignoreCase is kept
                    if (c.attr("ignoreCase") != null) {
                        edits.add(AppcmdArgs.set(rule + ".match", "ignoreCase", c.attr("ignoreCase")));
                    }
                }
                case "conditions" -> collection(c, rule + ".conditions", "add", edits);
                case "serverVariables" -> collection(c, rule + ".serverVariables", "set", edits);
                case "action" -> c.attributes().forEach((k, v) -> {
                    if (!k.equals("url") && !ConfigDigest.isDefault("rule/action", k, v)) {
                        edits.add(AppcmdArgs.set(rule + ".action", k, v));
                    }
                });
                default -> throw new UnsafeValueException("rule " + original.attr("name") + " has a <" + c.name() + "> arr502 does not copy");
            }
        }
        edits.add(AppcmdArgs.set(rule + ".action", "url", newUrl));
        RemediationStep remove = RemediationStep.appcmd("remove rule " + ruleName, null,
                AppcmdArgs.setConfig(AppcmdArgs.GLOBAL_RULES, List.of("/-" + rule)));
        RemediationStep disable = RemediationStep.appcmd("disable rule " + ruleName, null,
                AppcmdArgs.setConfig(AppcmdArgs.GLOBAL_RULES, List.of(AppcmdArgs.set(rule, "enabled", "false"))));
        return List.of(
                RemediationStep.appcmd("add rule " + ruleName + " first, disabled, with its match, conditions and action", remove,
                        AppcmdArgs.setConfig(AppcmdArgs.GLOBAL_RULES, edits)),
                RemediationStep.appcmd("enable rule " + ruleName + ": the route now goes to " + newFarm, disable,
                        AppcmdArgs.setConfig(AppcmdArgs.GLOBAL_RULES, List.of(AppcmdArgs.set(rule, "enabled", "true")))));
    }

    private static void collection(XmlNode c, String path, String entry, List<String> edits) {
        c.attributes().forEach((k, v) -> {
            if (!ConfigDigest.isDefault("rule/" + c.name(), k, v)) {
                edits.add(AppcmdArgs.set(path, k, v));
            }
        });
        for (XmlNode e : c.children()) {
            if (!e.name().equals(entry) || !e.children().isEmpty()) {
                throw new UnsafeValueException("<" + c.name() + "> holds a <" + e.name() + "> arr502 does not copy");
            }
            edits.add("/+" + path + "." + AppcmdArgs.indexer(null, e.attributes()));
        }
    }
}
