package io.arr502.core.probe;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An HTTP(S) probe, like {@code Invoke-WebRequest -UseBasicParsing https://…/health}: the expected status
 * range (inclusive), an optional body pattern (searched in the first 256 KiB), its own deadline for the
 * whole exchange. Credentials (basic auth) come from the caller — the Jenkins plugin takes them from the
 * Credentials plugin — and are never logged or put in a result.
 *
 * @param method GET or HEAD (null means GET); anything else is reported as a SETUP failure, not sent
 * @param trust  which CAs to trust for https (null means the JDK's default store)
 */
public record HttpProbeSpec(String url, String method, int expectFrom, int expectTo, Pattern body, Duration timeout,
                            boolean followRedirects, TrustOptions trust, String user, char[] password) {

    public HttpProbeSpec {
        method = method == null ? "GET" : method.trim().toUpperCase(Locale.ROOT);
        trust = trust == null ? TrustOptions.jdkDefault() : trust;
    }

    /** GET, expecting 200-399, no body check, redirects not followed (a 302 is an answer, as ARR sees it). */
    public static HttpProbeSpec get(String url, Duration timeout) {
        return new HttpProbeSpec(url, "GET", 200, 399, null, timeout, false, TrustOptions.jdkDefault(), null, null);
    }

    public HttpProbeSpec withExpect(int from, int to) {
        return new HttpProbeSpec(url, method, from, to, body, timeout, followRedirects, trust, user, password);
    }

    public HttpProbeSpec withBody(Pattern pattern) {
        return new HttpProbeSpec(url, method, expectFrom, expectTo, pattern, timeout, followRedirects, trust, user, password);
    }

    public HttpProbeSpec withTrust(TrustOptions options) {
        return new HttpProbeSpec(url, method, expectFrom, expectTo, body, timeout, followRedirects, options, user, password);
    }

    public HttpProbeSpec withCredentials(String user, char[] password) {
        return new HttpProbeSpec(url, method, expectFrom, expectTo, body, timeout, followRedirects, trust, user, password);
    }

    @Override
    public String toString() {
        return "HttpProbeSpec[" + method + " " + Redact.userinfo(url) + ", expect " + expectFrom + "-" + expectTo
                + (body != null ? ", body /" + body.pattern() + "/" : "") + ", timeout " + timeout
                + (followRedirects ? ", follow redirects" : "") + (user != null ? ", user " + user + " (password hidden)" : "") + "]";
    }
}
