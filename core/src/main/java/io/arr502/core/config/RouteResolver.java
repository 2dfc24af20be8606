package io.arr502.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which rewrite rule forwards a route, to which farm, under which timeout. A rewrite to a farm name
 * ({@code https://appFarm/{R:0}}) is governed by that farm's {@code applicationRequestRouting/protocol/@timeout};
 * a rewrite to a plain URL by {@code system.webServer/proxy/@timeout}. URL Rewrite matches the path
 * without its leading slash; rules run in order until one with stopProcessing matches: global rules, then the
 * distributed rules of each level from the server down to the request's application, each level's rules seeing
 * the path relative to that level ({@link RuleScope}).
 */
public final class RouteResolver {
    private RouteResolver() {
    }

    public static RouteTarget resolve(ArrConfig config, String route) {
        String path = "/" + sample(route);
        RewriteRule hit = null;
        for (RewriteRule r : ordered(config)) {
            if (!r.enabled() || r.actionType() == null || !r.actionType().equalsIgnoreCase("Rewrite")) {
                continue;
            }
            // an application's rule runs only under its path, and matches the path relative to it
            String input = RuleScope.input(r.scope(), path);
            if (input != null && matches(r, input)) {
                hit = r;
                if (r.stopProcessing()) {
                    break;
                }
            }
        }
        String scope = hit == null ? null : hit.scope();
        if (hit == null || hit.actionUrl() == null || !hit.actionUrl().matches("(?i)^https?://.*")) {
            return new RouteTarget(route, hit == null ? null : hit.name(), null, hit == null ? null : hit.actionUrl(), null,
                    "not forwarded by ARR (no rewrite rule to an http(s) URL matches)", scope);
        }
        String host = hostOf(hit.actionUrl());
        for (WebFarm farm : config.farms()) {
            if (farm.name().equalsIgnoreCase(host)) {
                ProxySettings p = farm.protocol();
                return new RouteTarget(route, hit.name(), farm.name(), hit.actionUrl(), p.timeout(),
                        "webFarm[" + farm.name() + "]/applicationRequestRouting/protocol@timeout "
                                + (p.timeoutExplicit() ? "(set)" : "(schema default)"), scope);
            }
        }
        ProxySettings proxy = config.proxy();
        Duration t = proxy.timeout();
        return new RouteTarget(route, hit.name(), null, hit.actionUrl(), t,
                "system.webServer/proxy@timeout " + (proxy.timeoutExplicit() ? "(set)" : "(schema default)"), scope);
    }

    /** Global rules first, then distributed rules from the parent level to the child (each level in its own order). */
    static List<RewriteRule> ordered(ArrConfig config) {
        List<RewriteRule> out = new ArrayList<>(config.rules());
        out.sort(Comparator.comparingInt((RewriteRule r) -> RuleScope.GLOBAL.equals(r.scope()) ? -1 : RuleScope.depth(r.scope())));
        return out;
    }

    /** A concrete path standing for the normalised route, without the leading slash. */
    static String sample(String route) {
        String s = route.replace("{id}", "1").replace("{guid}", "3f2504e0-4f89-11d3-9a0c-0305e82c3301")
                .replace("{hex}", "0123456789abcdef0123");
        return s.startsWith("/") ? s.substring(1) : s;
    }

    static boolean matches(RewriteRule r, String input) {
        String pattern = r.matchUrl() == null ? ".*" : r.matchUrl();
        boolean m;
        if (pattern.equals("*") || pattern.equals(".*")) {
            m = true;
        } else if (pattern.contains("*") && !pattern.contains(".*") && !pattern.contains("\\")
                && !pattern.startsWith("^")) {
            // patternSyntax="Wildcard"
            String regex = ("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q");
            m = Pattern.compile(regex, r.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0).matcher(input).matches();
        } else {
            try {
                m = Pattern.compile(pattern, r.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0).matcher(input).find();
            } catch (PatternSyntaxException e) {
                m = false;
            }
        }
        return r.negate() != m;
    }

    private static String hostOf(String url) {
        String rest = url.replaceFirst("(?i)^https?://", "");
        int end = rest.length();
        for (char c : new char[]{'/', ':', '?'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
