package org.ttnlw.migrate.calls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.ttnlw.migrate.core.ConfigException;

/**
 * Whether to use TLS and which certificate authorities to trust: the system's plus a CA file.
 * Shared by every source that connects over TLS.
 */
public record TrustSettings(boolean plaintext, Optional<TrustManager> trustManager) {

  /** Plaintext, or TLS trusting the system's certificate authorities and the CA file's. */
  public static TrustSettings from(boolean plaintext, Path caFile) {
    return plaintext ? new TrustSettings(true, Optional.empty()) : withTls(caFile);
  }

  private static TrustSettings withTls(Path caFile) {
    if (caFile == null) {
      return new TrustSettings(false, Optional.empty());
    }
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int index = 0;
      for (Certificate certificate : readCertificates(caFile)) {
        store.setCertificateEntry("ca-file-" + index++, certificate);
      }
      return new TrustSettings(false, Optional.of(new CaFileFirstTrust(trustManager(store),
          TrustSettings::systemTrustManager)));
    } catch (GeneralSecurityException | IOException e) {
      throw new ConfigException("cannot use the CA file " + caFile + ": " + e.getMessage());
    }
  }

  private static Collection<? extends Certificate> readCertificates(Path caFile)
      throws IOException, GeneralSecurityException {
    if (!Files.isReadable(caFile)) {
      throw new IOException("file does not exist or is not readable");
    }
    try (InputStream in = Files.newInputStream(caFile)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IOException("no PEM certificate in it");
      }
      return certificates;
    }
  }

  /** The trust manager to verify servers with: the system's, or the CA file's and the system's. */
  public X509TrustManager x509TrustManager() {
    return trustManager.isPresent() ? (X509TrustManager) trustManager.get()
        : systemTrustManager();
  }

  private static X509ExtendedTrustManager systemTrustManager() {
    try {
      return trustManager(null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the system's certificate authorities", e);
    }
  }

  /** The JDK's trust manager for {@code store}; the JDK's trust store when null. */
  private static X509ExtendedTrustManager trustManager(KeyStore store)
      throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the JDK has no X.509 trust manager");
  }
}
