package io.arr502.core.config;

import java.time.Duration;

/**
 * {@code system.webServer/proxy} (or a farm's {@code applicationRequestRouting/protocol}) with the
 * schema defaults applied where the attribute is absent. {@code timeoutExplicit} says whether the
 * timeout was written in the configuration or is the schema default (00:02:00 for the proxy
 * section, 00:00:30 for a farm protocol).
 */
public record ProxySettings(
        boolean enabled,
        Duration timeout,
        boolean timeoutExplicit,
        String httpVersion,
        boolean keepAlive,
        boolean preserveHostHeader,
        boolean reverseRewriteHostInResponseHeaders,
        int minResponseBufferKb,
        int responseBufferLimitKb) {
}
