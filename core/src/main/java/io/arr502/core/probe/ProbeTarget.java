package io.arr502.core.probe;

import okhttp3.HttpUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A probe target as written on a command line (docs/probes.md has the full syntax):
 * {@code https://host/health}, {@code tcp://host:443}, {@code tls://host:443}, with options after
 * semicolons, e.g. {@code https://host/api/slow-endpoint;expect=200-299;body=OK;timeout=10s;method=HEAD;follow;ca=/etc/arr502/ca.pem}.
 * Parsing fails with an {@link IllegalArgumentException} whose message is one line naming the bad part;
 * running never throws.
 *
 * @param kind   HTTP (for http:// and https://), TCP or TLS
 * @param target the URL or host:port, without options
 * @param ca     an extra trust store (PEM, JKS or PKCS#12) for https:// and tls://, null for none
 * @param urlUser the user an http(s) URL named before its host ({@code https://user:pw@host/}), sent as basic
 *                auth and never shown: {@code target} has it removed; null for none
 */
public record ProbeTarget(ProbeResult.Kind kind, String target, String host, int port, String method, int expectFrom, int expectTo,
                          Pattern body, Duration timeout, boolean followRedirects, Path ca, String urlUser, char[] urlPassword) {

    @Override
    public String toString() {
        return "ProbeTarget[" + kind + " " + target + (urlUser != null ? ", credentials from the URL (hidden)" : "") + "]";
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?");
    private static final String SCHEMES = "use https://host/path, http://host/path, tcp://host:port or tls://host:port";

    public static ProbeTarget parse(String text, Duration defaultTimeout) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty probe target (" + SCHEMES + ")");
        }
        String[] parts = text.trim().split(";");
        String target = parts[0].trim();
        String shown = Redact.userinfo(text.trim()); // what messages may quote
        String urlUser = null;
        char[] urlPassword = null;
        String lower = target.toLowerCase(Locale.ROOT);
        ProbeResult.Kind kind = lower.startsWith("http://") || lower.startsWith("https://") ? ProbeResult.Kind.HTTP
                : lower.startsWith("tcp://") ? ProbeResult.Kind.TCP
                : lower.startsWith("tls://") ? ProbeResult.Kind.TLS : null;
        if (kind == null) {
            throw new IllegalArgumentException("not a probe target: " + Redact.userinfo(target) + " (" + SCHEMES + ")");
        }
        String host;
        int port;
        if (kind == ProbeResult.Kind.HTTP) {
            HttpUrl u = HttpUrl.parse(target);
            if (u == null) {
                throw new IllegalArgumentException("not a valid URL (or a port outside 1-65535): " + Redact.userinfo(target));
            }
            if (!u.username().isEmpty() || !u.password().isEmpty()) {
                // sent as basic auth, and gone from everything shown
                urlUser = u.username();
                urlPassword = u.password().toCharArray();
                target = Redact.userinfo(target);
            }
            host = u.host();
            port = u.port();
        } else {
            URI u;
            try {
                u = new URI(target);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a probe target: " + Redact.userinfo(target) + " (" + SCHEMES + ")");
            }
            if (u.getHost() == null || u.getPort() < 0) {
                throw new IllegalArgumentException("probe target needs host and port: " + target + " (e.g. " + lower.substring(0, 6) + "app01:443)");
            }
            if (u.getPort() < 1 || u.getPort() > 65535) {
                throw new IllegalArgumentException("port outside 1-65535: " + target);
            }
            if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !"/".equals(u.getRawPath()) || u.getRawQuery() != null) {
                throw new IllegalArgumentException("a " + lower.substring(0, 3) + ":// target is host:port only: " + target);
            }
            host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
            port = u.getPort();
        }
        Duration timeout = defaultTimeout;
        int from = 200;
        int to = 399;
        Pattern body = null;
        String method = "GET";
        boolean follow = false;
        Path ca = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String k = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String v = eq < 0 ? "" : p.substring(eq + 1).trim();
            boolean httpOnly = !k.equals("timeout") && !k.equals("ca");
            if (httpOnly && kind != ProbeResult.Kind.HTTP || k.equals("ca") && kind == ProbeResult.Kind.TCP) {
                throw new IllegalArgumentException("option '" + k + "' does not apply to " + lower.substring(0, 3) + ":// targets: " + shown);
            }
            switch (k) {
                case "timeout" -> timeout = duration(v, shown);
                case "expect" -> {
                    Matcher m = Pattern.compile("([1-5]\\d\\d)(?:-([1-5]\\d\\d))?").matcher(v);
                    if (!m.matches()) {
                        throw new IllegalArgumentException("expect needs a status or a range like 200 or 200-299, not '" + v + "': " + shown);
                    }
                    from = Integer.parseInt(m.group(1));
                    to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
                    if (to < from) {
                        throw new IllegalArgumentException("expect range is backwards: '" + v + "': " + shown);
                    }
                }
                case "body" -> {
                    try {
                        body = Pattern.compile(v);
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException("body is not a valid regular expression: '" + v + "' (" + e.getDescription() + ")");
                    }
                }
                case "method" -> {
                    method = v.toUpperCase(Locale.ROOT);
                    if (!method.equals("GET") && !method.equals("HEAD")) {
                        throw new IllegalArgumentException("method must be GET or HEAD, not '" + v + "': " + shown);
                    }
                }
                case "follow" -> follow = true;
                case "ca" -> {
                    if (v.isEmpty()) {
                        throw new IllegalArgumentException("ca needs a file (PEM, JKS or PKCS#12): " + shown);
                    }
                    ca = Path.of(v);
                }
                default -> throw new IllegalArgumentException("unknown probe option '" + k
                        + "' (known: expect, body, timeout, method, follow, ca): " + shown);
            }
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("probe timeout must be positive: " + shown);
        }
        return new ProbeTarget(kind, target, host, port, method, from, to, body, timeout, follow, ca, urlUser, urlPassword);
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}; a bare number is seconds. */
    static Duration duration(String v, String text) {
        Matcher m = DURATION.matcher(v.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("timeout needs a duration like 500ms, 5s or 2m, not '" + v + "': " + text);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) {
            throw new IllegalArgumentException("probe timeout must be positive: " + text);
        }
        return d;
    }

    /** The HTTP spec for an http(s) target; the target's {@code ca=} is added to {@code trust}'s CAs' place. */
    public HttpProbeSpec httpSpec(TrustOptions trust, String user, char[] password) {
        if (kind != ProbeResult.Kind.HTTP) {
            throw new IllegalStateException(kind + " target has no HTTP spec: " + target);
        }
        boolean fromUrl = user == null && urlUser != null;
        return new HttpProbeSpec(target, method, expectFrom, expectTo, body, timeout, followRedirects, trust(trust),
                fromUrl ? urlUser : user, fromUrl ? urlPassword : password);
    }

    private TrustOptions trust(TrustOptions given) {
        return ca != null ? TrustOptions.plus(ca, null) : given == null ? TrustOptions.jdkDefault() : given;
    }

    /** Runs the probe; credentials are used by http(s) targets only. Never throws. */
    public ProbeResult run(TrustOptions trust, String user, char[] password) {
        return switch (kind) {
            case HTTP -> Prober.http(httpSpec(trust, user, password));
            case TCP -> Prober.tcp(host, port, timeout);
            case TLS -> Prober.tls(host, port, timeout, trust(trust));
        };
    }

    /** Parses and runs; a target that does not parse throws {@link IllegalArgumentException} (a usage error, not a probe result). */
    public static ProbeResult run(String text, Duration defaultTimeout, TrustOptions trust) {
        return run(text, defaultTimeout, trust, null, null);
    }

    /** With basic-auth credentials for HTTP(S) targets (ignored by tcp:// and tls://). */
    public static ProbeResult run(String text, Duration defaultTimeout, TrustOptions trust, String user, char[] password) {
        return parse(text, defaultTimeout).checkFiles().run(trust, user, password);
    }

    /** This target, once the files it names are there: a missing ca= is a setup mistake (a bad argument), not an unreachable backend. */
    public ProbeTarget checkFiles() {
        if (ca != null && (!Files.isRegularFile(ca) || !Files.isReadable(ca))) {
            throw new IllegalArgumentException("ca file " + (Files.exists(ca) ? "not readable" : "not found") + ": " + ca);
        }
        return this;
    }
}
