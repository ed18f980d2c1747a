package com.sikifanso.cluster;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates k3s makes for its API server, made fresh per test run: a CA, a serving
 * certificate for 127.0.0.1 (the host port the kubeconfig is rewritten to), and a client
 * certificate for {@code system:admin} in {@code system:masters}, as k3s puts in its kubeconfig.
 * So the CLI's Helm and fabric8 clients verify the server against the kubeconfig's CA and present
 * the client certificate, as against a real k3s. BouncyCastle (already on the classpath through
 * docker-java) signs them; the JDK alone cannot.
 */
final class ApiServerPki {
    private static final Duration VALID = Duration.ofDays(1);

    private final KeyPair caKey;
    private final X509Certificate ca;
    private final KeyPair serverKey;
    private final X509Certificate server;
    private final KeyPair clientKey;
    private final X509Certificate client;

    ApiServerPki() {
        try {
            caKey = rsa();
            ca = sign(new X500Name("CN=k3s-server-ca@sikifanso-test"), caKey, caKey, b -> b
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true)));
            serverKey = rsa();
            server = sign(new X500Name("CN=k3s"), serverKey, caKey, b -> b
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.dNSName, "localhost")})));
            clientKey = rsa();
            // No extended key usage: BouncyCastle's KeyPurposeId clashes with the newer bcprov on the
            // test classpath, and a certificate without one is good for both ends.
            client = sign(new X500Name("O=system:masters,CN=system:admin"), clientKey, caKey, b -> b);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the test API server's certificates", e);
        }
    }

    String caPem() {
        return pem(ca);
    }

    String clientCertificatePem() {
        return pem(client);
    }

    String clientKeyPem() {
        return pem(clientKey.getPrivate());
    }

    /** Serves with the 127.0.0.1 certificate; trusts client certificates the CA signed. */
    SSLContext serverContext() {
        try {
            char[] none = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", serverKey.getPrivate(), none, new Certificate[] {server, ca});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, none);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the test API server's TLS context", e);
        }
    }

    private interface Extensions {
        X509v3CertificateBuilder add(X509v3CertificateBuilder b) throws IOException;
    }

    private X509Certificate sign(X500Name subject, KeyPair subjectKey, KeyPair issuerKey, Extensions extensions)
            throws IOException, OperatorCreationException, GeneralSecurityException {
        X500Name issuer = ca == null ? subject : X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()
                + subject.hashCode()), Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALID)),
                subject, subjectKey.getPublic());
        PrivateKey signer = issuerKey.getPrivate();
        return new JcaX509CertificateConverter().getCertificate(extensions.add(b)
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static String pem(Object o) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
