package io.arr502.core.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the trust manager a probe validates with, and remembers the chain it was shown and its verdict. */
final class Trust {
    private Trust() {
    }

    static AnyOf manager(TrustOptions o) throws GeneralSecurityException, IOException {
        List<X509TrustManager> managers = new ArrayList<>();
        if (o == null || !o.replaceDefault()) {
            managers.add(from(null));
        }
        if (o != null && o.store() != null) {
            KeyStore ks;
            String name = o.store().getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
                ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                try (InputStream in = Files.newInputStream(o.store())) {
                    int i = 0;
                    for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        ks.setCertificateEntry("ca" + i++, c);
                    }
                }
                if (ks.size() == 0) {
                    throw new CertificateException("no certificate in " + o.store());
                }
            } else {
                ks = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
                try (InputStream in = Files.newInputStream(o.store())) {
                    ks.load(in, o.storePassword());
                }
            }
            managers.add(from(ks));
        }
        if (managers.isEmpty()) {
            throw new GeneralSecurityException("replaceDefault without a trust store trusts nothing");
        }
        return new AnyOf(managers);
    }

    static SSLContext context(X509TrustManager tm) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[]{tm}, null);
        return ctx;
    }

    private static X509TrustManager from(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(ks);
        for (var tm : f.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager");
    }

    /** Trusts a chain when any of its managers does; keeps the last chain seen and why it was refused. */
    static final class AnyOf implements X509TrustManager {
        private final List<X509TrustManager> managers;
        volatile X509Certificate[] lastChain;
        volatile CertificateException lastRefusal;

        AnyOf(List<X509TrustManager> managers) {
            this.managers = managers;
        }

        X509Certificate leaf() {
            X509Certificate[] c = lastChain;
            return c == null || c.length == 0 ? null : c[0];
        }

        /** The chain was shown and accepted (the name is checked separately). */
        boolean chainTrusted() {
            return lastChain != null && lastRefusal == null;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("probes do not accept client connections");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            lastChain = chain;
            lastRefusal = null;
            CertificateException first = null;
            for (X509TrustManager m : managers) {
                try {
                    m.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    // a store that found a path but rejected it (expired, revoked) says more than one that found none
                    if (first == null || String.valueOf(first.getMessage()).contains("building failed")) {
                        first = e;
                    }
                }
            }
            lastRefusal = first != null ? first : new CertificateException("no trust anchors");
            throw lastRefusal;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
        }
    }
}
