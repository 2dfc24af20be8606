package io.arr502.core.config;

import java.util.Locale;

/**
 * Where a URL Rewrite rule is defined and which requests it sees. Global rules ({@code globalRules}) and server-level
 * distributed rules see the whole path. A distributed rule defined for a site, an application or a folder
 * ({@code <location path="Default Web Site/api">}, the web.config of /api, appcmd's {@code …rules@Default Web Site/api})
 * only runs for requests under that path, and its {@code match url} sees the path relative to it: "orders/1" for
 * /api/orders/1 (URL Rewrite Module Configuration Reference, "Rewrite Rules Scope"). Parent levels run before child
 * levels ("Rules Inheritance").
 */
final class RuleScope {
    static final String GLOBAL = "global";
    static final String SERVER = "(server)";

    private RuleScope() {
    }

    /** The URL path a scope stands for: "" for global, server and site level, "/api" for "Default Web Site/api". */
    static String urlPath(String scope) {
        if (scope == null || scope.equals(GLOBAL) || scope.equals(SERVER)) {
            return "";
        }
        int slash = scope.indexOf('/');
        String p = slash < 0 ? "" : scope.substring(slash);
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** How many levels below the server: 0 global/server, 1 a site, 2 an application, … */
    static int depth(String scope) {
        if (scope == null || scope.equals(GLOBAL) || scope.equals(SERVER)) {
            return 0;
        }
        return 1 + (int) urlPath(scope).chars().filter(c -> c == '/').count();
    }

    /** The part of the request path (with its leading slash) a rule of this scope matches, or null when the request is not under it. */
    static String input(String scope, String path) {
        String base = urlPath(scope);
        String p = path.startsWith("/") ? path : "/" + path;
        if (base.isEmpty()) {
            return p.substring(1);
        }
        // IIS paths are case-insensitive
        String lp = p.toLowerCase(Locale.ROOT);
        String lb = base.toLowerCase(Locale.ROOT);
        if (lp.equals(lb)) {
            return "";
        }
        return lp.startsWith(lb + "/") ? p.substring(base.length() + 1) : null;
    }

    /** Whether {@code parent} is a level above {@code child} whose rules the child inherits (server, its site, a parent application). */
    static boolean inherits(String child, String parent) {
        if (child == null || parent == null || child.equals(GLOBAL) || parent.equals(GLOBAL) || child.equalsIgnoreCase(parent)) {
            return false;
        }
        if (parent.equals(SERVER)) {
            return !child.equals(SERVER);
        }
        return child.toLowerCase(Locale.ROOT).startsWith(parent.toLowerCase(Locale.ROOT) + "/");
    }
}
