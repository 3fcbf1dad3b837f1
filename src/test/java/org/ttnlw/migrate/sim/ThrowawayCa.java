package org.ttnlw.migrate.sim;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made up for one simulator run and the server certificate it issues for
 * {@code localhost} and {@code 127.0.0.1} (or another name), so no key or expiring certificate
 * is committed.
 */
public final class ThrowawayCa {
  private static final X500Name CA_NAME = new X500Name("CN=TTS simulator throw-away CA");
  private static final X500Name SERVER_NAME = new X500Name("CN=localhost");
  private static final Duration VALIDITY = Duration.ofDays(1);

  private final SecureRandom random = new SecureRandom();

  /** PEM texts for the server's TLS credentials and for the clients that trust the CA. */
  public record ServerIdentity(String certificatePem, String privateKeyPem, String caCertificatePem) {
    /** TLS credentials for a gRPC server presenting this identity. */
    public ServerCredentials serverCredentials() throws IOException {
      return TlsServerCredentials.create(
          new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)),
          new ByteArrayInputStream(privateKeyPem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Writes the CA certificate to a new temporary PEM file, for clients to trust. */
    public Path writeCaFile(String prefix) throws IOException {
      Path file = Files.createTempFile(prefix, ".pem");
      Files.writeString(file, caCertificatePem, StandardCharsets.US_ASCII);
      return file;
    }
  }

  public static ServerIdentity issue() {
    return issue(new GeneralNames(new GeneralName[] {
      new GeneralName(GeneralName.dNSName, "localhost"),
      new GeneralName(GeneralName.iPAddress, "127.0.0.1")
    }));
  }

  /** An identity for {@code dnsName} alone: a server on loopback that is not who it says. */
  public static ServerIdentity issueFor(String dnsName) {
    return issue(new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
  }

  private static ServerIdentity issue(GeneralNames serverNames) {
    try {
      return new ThrowawayCa().issueIdentity(serverNames);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot issue the simulator's TLS certificate", e);
    }
  }

  private ServerIdentity issueIdentity(GeneralNames serverNames)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    KeyPair caKeys = newKeyPair();
    KeyPair serverKeys = newKeyPair();

    X509v3CertificateBuilder ca = certificate(CA_NAME, caKeys.getPublic());
    ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    ca.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));

    X509v3CertificateBuilder server = certificate(SERVER_NAME, serverKeys.getPublic());
    server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    server.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    server.addExtension(
        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    server.addExtension(Extension.subjectAlternativeName, false, serverNames);

    return new ServerIdentity(
        pem("CERTIFICATE", signedByCa(server, caKeys).getEncoded()),
        pem("PRIVATE KEY", serverKeys.getPrivate().getEncoded()),
        pem("CERTIFICATE", signedByCa(ca, caKeys).getEncoded()));
  }

  private KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    return generator.generateKeyPair();
  }

  private X509v3CertificateBuilder certificate(X500Name subject, PublicKey key) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        CA_NAME,
        new BigInteger(64, random),
        // Backdated a little so a client whose clock is slightly behind still accepts it.
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(VALIDITY)),
        subject,
        key);
  }

  private static X509Certificate signedByCa(X509v3CertificateBuilder certificate, KeyPair caKeys)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            certificate.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
  }

  private static String pem(String type, byte[] der) {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }
}
