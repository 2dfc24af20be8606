package io.arr502.core.probe;

import java.util.regex.Pattern;

/**
 * Takes secrets out of text that will be shown: the user and password of a URL ({@code https://user:pw@host/})
 * and credentials a server may reflect (an {@code Authorization} header, a Basic or Bearer token). Probe URLs
 * reach the summary, the long output, the diagnosis, perfdata labels and the JSON; a reflecting endpoint or
 * proxy can echo the header a request sent.
 */
public final class Redact {
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]*@");
    private static final Pattern HEADER = Pattern.compile("(?i)((?:proxy-)?authorization|cookie|set-cookie)(\"?\\s*[:=]\\s*\"?)[^\"\\r\\n,}]*");
    private static final Pattern TOKEN = Pattern.compile("(?i)\\b(basic|bearer|negotiate|ntlm|digest)(\\s+)[A-Za-z0-9+/=._~-]{6,}");

    private Redact() {
    }

    /** text with the user information of every URL in it removed: {@code https://u:p@h/x} becomes {@code https://h/x}. */
    public static String userinfo(String text) {
        return text == null ? null : USERINFO.matcher(text).replaceAll("$1");
    }

    /** Response text fit to show: no URL credentials, no Authorization/Cookie values, no tokens, no given secrets, at most max chars on one line. */
    public static String response(String text, int max, String... secrets) {
        if (text == null) {
            return "";
        }
        String s = userinfo(text);
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 3) {
                s = s.replace(secret, "***");
            }
        }
        s = HEADER.matcher(s).replaceAll("$1$2***");
        s = TOKEN.matcher(s).replaceAll("$1$2***");
        s = s.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
