package org.ttnlw.migrate.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.sim.ThrowawayCa;
import org.ttnlw.migrate.sim.ThrowawayCa.ServerIdentity;

class CaFileFirstTrustTest {
  private final ServerIdentity ofCaFile = ThrowawayCa.issue();
  private final ServerIdentity ofSystem = ThrowawayCa.issue();
  private final ServerIdentity ofNeither = ThrowawayCa.issue();
  private final AtomicInteger systemReads = new AtomicInteger();
  private final Supplier<X509ExtendedTrustManager> system = () -> {
    systemReads.incrementAndGet();
    return trusting(ofSystem.caCertificatePem());
  };
  private final CaFileFirstTrust trust =
      new CaFileFirstTrust(trusting(ofCaFile.caCertificatePem()), system);

  @Test
  void aServerOfTheCaFileNeedsNoSystemAuthority() throws Exception {
    trust.checkServerTrusted(chain(ofCaFile), "ECDHE_ECDSA");
    trust.checkServerTrusted(chain(ofCaFile), "ECDHE_ECDSA");
    assertEquals(0, systemReads.get());
  }

  @Test
  void aServerOfTheSystemIsTrustedToo() throws Exception {
    trust.checkServerTrusted(chain(ofSystem), "ECDHE_ECDSA");
    trust.checkServerTrusted(chain(ofSystem), "ECDHE_ECDSA");
    assertEquals(1, systemReads.get());
  }

  @Test
  void aServerOfNeitherIsRefusedWithBothReasons() {
    CertificateException refused = assertThrows(CertificateException.class,
        () -> trust.checkServerTrusted(chain(ofNeither), "ECDHE_ECDSA"));
    assertEquals(1, refused.getSuppressed().length);
  }

  @Test
  void verifiesNoClient() {
    assertThrows(CertificateException.class,
        () -> trust.checkClientTrusted(chain(ofCaFile), "ECDHE_ECDSA"));
  }

  @Test
  void acceptsTheIssuersOfBoth() {
    assertEquals(2, trust.getAcceptedIssuers().length);
  }

  private static X509Certificate[] chain(ServerIdentity identity) throws Exception {
    return new X509Certificate[] {certificate(identity.certificatePem()),
        certificate(identity.caCertificatePem())};
  }

  private static X509ExtendedTrustManager trusting(String caPem) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry("ca", certificate(caPem));
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return (X509ExtendedTrustManager) factory.getTrustManagers()[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate certificate(String pem) throws CertificateException {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }
}
