package io.arr502.core.probe;

import java.nio.file.Path;

/**
 * Which CAs a probe trusts: the JDK's default store, plus (or instead, when {@code replaceDefault})
 * the certificates in a PEM file ({@code .pem/.crt/.cer}) or a JKS ({@code .jks}) / PKCS#12 (any other
 * name) store — an internal CA the proxy trusts, say. An unreadable store is a SETUP failure of the probe.
 */
public record TrustOptions(Path store, char[] storePassword, boolean replaceDefault) {
    public static TrustOptions jdkDefault() {
        return new TrustOptions(null, null, false);
    }

    /** The JDK's CAs and those in {@code store} (a PEM file needs no password). */
    public static TrustOptions plus(Path store, char[] storePassword) {
        return new TrustOptions(store, storePassword, false);
    }

    @Override
    public String toString() {
        return store == null ? "TrustOptions[JDK default]"
                : "TrustOptions[" + (replaceDefault ? "only " : "JDK default + ") + store + (storePassword != null ? " (password hidden)" : "") + "]";
    }
}
