package io.arr502.core.probe;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Probe targets as written on a command line: {@code https://host/health}, {@code tcp://host:443},
 * {@code tls://host:443}, with options after semicolons:
 * {@code https://host/api/slow-endpoint;expect=200-299;body=OK;timeout=10s;method=HEAD;follow}.
 */
public final class ProbeTarget {
    private ProbeTarget() {
    }

    public static ProbeResult run(String text, Duration defaultTimeout, TrustOptions trust) {
        String[] parts = text.split(";");
        String target = parts[0].trim();
        Duration timeout = defaultTimeout;
        int from = 200;
        int to = 399;
        Pattern body = null;
        String method = "GET";
        boolean follow = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            String k = eq < 0 ? p : p.substring(0, eq);
            String v = eq < 0 ? "" : p.substring(eq + 1);
            switch (k) {
                case "timeout" -> timeout = io.arr502.core.log.Window.parseDuration(v);
                case "expect" -> {
                    String[] r = v.split("-");
                    from = Integer.parseInt(r[0]);
                    to = r.length > 1 ? Integer.parseInt(r[1]) : from;
                }
                case "body" -> body = Pattern.compile(v);
                case "method" -> method = v.toUpperCase(java.util.Locale.ROOT);
                case "follow" -> follow = true;
                default -> throw new IllegalArgumentException("unknown probe option '" + k + "' in " + text);
            }
        }
        String lower = target.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return Prober.http(new HttpProbeSpec(target, method, from, to, body, timeout, follow, trust, null, null));
        }
        URI u;
        try {
            u = URI.create(target);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a probe target: " + target + " (use https://…, tcp://host:port or tls://host:port)");
        }
        if (u.getHost() == null || u.getPort() < 0) {
            throw new IllegalArgumentException("probe target needs host and port: " + target);
        }
        return switch (u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT)) {
            case "tcp" -> Prober.tcp(u.getHost(), u.getPort(), timeout);
            case "tls" -> Prober.tls(u.getHost(), u.getPort(), timeout, trust);
            default -> throw new IllegalArgumentException("not a probe target: " + target + " (use https://…, tcp://host:port or tls://host:port)");
        };
    }
}
