package io.arr502.core.probe;

import java.nio.file.Path;

/**
 * Which CAs a probe trusts: the JDK's default store, plus (or instead, when {@code replaceDefault})
 * the certificates in a PEM file or a JKS/PKCS#12 store — an internal CA the proxy trusts, say.
 */
public record TrustOptions(Path store, char[] storePassword, boolean replaceDefault) {
    public static TrustOptions jdkDefault() {
        return new TrustOptions(null, null, false);
    }
}
