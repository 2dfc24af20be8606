package io.arr502.core.probe;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * An HTTP(S) probe, like {@code Invoke-WebRequest -UseBasicParsing https://…/health}: the expected status
 * range, an optional body pattern, its own deadline. Credentials (basic auth) come from the caller —
 * the Jenkins plugin takes them from the Credentials plugin — and are never logged.
 */
public record HttpProbeSpec(String url, String method, int expectFrom, int expectTo, Pattern body, Duration timeout,
                            boolean followRedirects, TrustOptions trust, String user, char[] password) {

    public static HttpProbeSpec get(String url, Duration timeout) {
        return new HttpProbeSpec(url, "GET", 200, 399, null, timeout, false, TrustOptions.jdkDefault(), null, null);
    }

    @Override
    public String toString() {
        return "HttpProbeSpec[" + method + " " + url + ", expect " + expectFrom + "-" + expectTo + ", timeout " + timeout
                + (user != null ? ", user " + user + " (password hidden)" : "") + "]";
    }
}
