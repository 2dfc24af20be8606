package io.arr502.core.config;

import java.time.Duration;

/**
 * Where a route is forwarded and which timeout governs it.
 *
 * @param rule            the rule that forwards it, null when no rule matches (not proxied)
 * @param farm            the farm name when the rule rewrites to a farm, else null
 * @param backendUrl      the rewrite target as written
 * @param effectiveTimeout the timeout ARR applies to this route
 * @param timeoutSource   e.g. "webFarm[appFarm]/applicationRequestRouting/protocol@timeout (default)"
 * @param ruleScope       where the rule is defined: "global", "(server)", a site or "Site/app" (null without a rule);
 *                        a rule below a site matched the path relative to its application, not the whole route
 */
public record RouteTarget(String route, String rule, String farm, String backendUrl,
                          Duration effectiveTimeout, String timeoutSource, String ruleScope) {
}
