package io.arr502.core.probe;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

/** Certificates made in the test: a CA, and server certificates it signs (valid, expired, for another name). */
final class TestCerts {
    final KeyPair caKeys;
    final X509Certificate ca;

    TestCerts() throws Exception {
        caKeys = keys();
        ca = sign("CN=arr502 test CA", caKeys, "CN=arr502 test CA", caKeys, Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(365, ChronoUnit.DAYS), null, true);
    }

    static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static X509Certificate sign(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys, Instant from, Instant to,
                                GeneralName san, boolean isCa) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(System.nanoTime()),
                Date.from(from), Date.from(to), new X500Name(subject), subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (san != null) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    /** A server key store whose certificate the CA signed (or the key signed itself when selfSigned). */
    KeyStore server(String cn, GeneralName san, Instant from, Instant to, boolean selfSigned) throws Exception {
        KeyPair k = keys();
        X509Certificate c = selfSigned ? sign("CN=" + cn, k, "CN=" + cn, k, from, to, san, false)
                : sign("CN=" + cn, k, ca.getSubjectX500Principal().getName(), caKeys, from, to, san, false);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", k.getPrivate(), "pw".toCharArray(), selfSigned ? new X509Certificate[]{c} : new X509Certificate[]{c, ca});
        return ks;
    }

    Path caPem(Path dir) throws Exception {
        Path p = dir.resolve("ca.pem");
        Files.writeString(p, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ca.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return p;
    }

    /** The CA as a JKS trust store, the kind a Windows admin exports with keytool for Java tools. */
    Path caJks(Path dir, char[] password) throws Exception {
        Path p = dir.resolve("ca.jks");
        KeyStore ks = KeyStore.getInstance("JKS");
        ks.load(null, null);
        ks.setCertificateEntry("internal-ca", ca);
        try (var out = Files.newOutputStream(p)) {
            ks.store(out, password);
        }
        return p;
    }

    static GeneralName ip(String a) {
        return new GeneralName(GeneralName.iPAddress, a);
    }

    static GeneralName dns(String n) {
        return new GeneralName(GeneralName.dNSName, n);
    }
}
