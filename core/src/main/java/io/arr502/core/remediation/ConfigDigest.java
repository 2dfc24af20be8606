package io.arr502.core.remediation;

import io.arr502.core.config.ConfigXml;
import io.arr502.core.config.XmlNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Digests of configuration elements that are equal when the configuration means the same: attribute
 * order, whitespace and attributes at their schema default (arr_schema.xml and rewrite_schema.xml, as
 * listed in docs/iis-arr-reference.md) do not count. So a plan made from applicationHost.config (defaults
 * omitted) or from the collectors' {@code appcmd list config /config:*} (defaults written) is checked
 * against appcmd's live output alike.
 */
final class ConfigDigest {
    private ConfigDigest() {
    }

    /** element path (from the farm, rule or proxy element) + "@" + attribute → schema default */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("webFarm@enabled", "true"),
            Map.entry("webFarm/server@enabled", "true"),
            Map.entry("webFarm/server/applicationRequestRouting@weight", "100"),
            Map.entry("webFarm/server/applicationRequestRouting@httpPort", "80"),
            Map.entry("webFarm/server/applicationRequestRouting@httpsPort", "443"),
            Map.entry("webFarm/applicationRequestRouting/protocol@timeout", "00:00:30"),
            Map.entry("webFarm/applicationRequestRouting/protocol@httpVersion", "PassThrough"),
            Map.entry("webFarm/applicationRequestRouting/protocol@keepAlive", "true"),
            Map.entry("webFarm/applicationRequestRouting/protocol@preserveHostHeader", "true"),
            Map.entry("webFarm/applicationRequestRouting/protocol@reverseRewriteHostInResponseHeaders", "false"),
            Map.entry("webFarm/applicationRequestRouting/protocol@minResponseBuffer", "256"),
            Map.entry("webFarm/applicationRequestRouting/protocol@responseBufferLimit", "4096"),
            Map.entry("webFarm/applicationRequestRouting/protocol@xForwardedForHeaderName", "X-Forwarded-For"),
            Map.entry("webFarm/applicationRequestRouting/protocol@logGuidName", "X-ARR-LOG-ID"),
            Map.entry("webFarm/applicationRequestRouting/protocol@maxResponseHeaderSize", "65536"),
            Map.entry("webFarm/applicationRequestRouting/healthCheck@retries", "3"),
            Map.entry("webFarm/applicationRequestRouting/healthCheck@interval", "00:00:30"),
            Map.entry("webFarm/applicationRequestRouting/healthCheck@timeout", "00:00:30"),
            Map.entry("webFarm/applicationRequestRouting/healthCheck@statusCodeMatch", "200-399"),
            Map.entry("webFarm/applicationRequestRouting/healthCheck@liveTrafficFailureCodes", "500-"),
            Map.entry("webFarm/applicationRequestRouting/healthCheck@maxLiveTrafficFailures", "10"),
            Map.entry("webFarm/applicationRequestRouting/healthCheck@minServers", "0"),
            Map.entry("webFarm/applicationRequestRouting/loadBalancing@algorithm", "WeightedRoundRobin"),
            Map.entry("proxy@enabled", "false"),
            Map.entry("proxy@timeout", "00:02:00"),
            Map.entry("proxy@httpVersion", "PassThrough"),
            Map.entry("proxy@keepAlive", "true"),
            Map.entry("proxy@preserveHostHeader", "false"),
            Map.entry("proxy@reverseRewriteHostInResponseHeaders", "true"),
            Map.entry("proxy@xForwardedForHeaderName", "X-Forwarded-For"),
            Map.entry("proxy@logGuidName", "X-ARR-LOG-ID"),
            Map.entry("proxy@minResponseBuffer", "256"),
            Map.entry("proxy@responseBufferLimit", "4096"),
            Map.entry("proxy@maxResponseHeaderSize", "65536"),
            Map.entry("rule@enabled", "true"),
            Map.entry("rule@stopProcessing", "false"),
            Map.entry("rule/match@ignoreCase", "true"),
            Map.entry("rule/match@negate", "false"),
            Map.entry("rule/conditions@logicalGrouping", "MatchAll"),
            Map.entry("rule/conditions@trackAllCaptures", "false"),
            Map.entry("rule/conditions/add@matchType", "Pattern"),
            Map.entry("rule/conditions/add@ignoreCase", "true"),
            Map.entry("rule/conditions/add@negate", "false"),
            Map.entry("rule/action@appendQueryString", "true"));

    static String canonical(XmlNode n) {
        return n == null ? "(none)" : n.canonical(DEFAULTS);
    }

    static boolean isDefault(String path, String attr, String value) {
        String d = DEFAULTS.get(path + "@" + attr);
        return d != null ? d.equalsIgnoreCase(value) : value.isEmpty();
    }

    static String of(XmlNode n) {
        return sha(canonical(n));
    }

    static String ofRules(List<XmlNode> rules) {
        return sha(rules.stream().map(ConfigDigest::canonical).collect(Collectors.joining("\n")));
    }

    /** Everything a plan may change: farms (by name), global rules in order, the proxy section. */
    static String ofAll(ConfigXml x) {
        String farms = x.farms().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> canonical(e.getValue())).collect(Collectors.joining("\n"));
        return sha(farms + "\n--\n" + ofRules(x.globalRules()) + "\n--\n" + canonical(x.proxy()));
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
