package org.ttnlw.migrate.calls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
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
      for (X509Certificate systemCa : systemTrustManager().getAcceptedIssuers()) {
        store.setCertificateEntry("system-" + index++, systemCa);
      }
      Collection<? extends Certificate> extra = readCertificates(caFile);
      for (Certificate certificate : extra) {
        store.setCertificateEntry("ca-file-" + index++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return new TrustSettings(false, Optional.of(factory.getTrustManagers()[0]));
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

  /** The trust manager to verify servers with: the system's, or the system's plus the CA file. */
  public X509TrustManager x509TrustManager() {
    try {
      return trustManager.isPresent() ? (X509TrustManager) trustManager.get()
          : systemTrustManager();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509TrustManager systemTrustManager() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the JDK has no X.509 trust manager");
  }
}
