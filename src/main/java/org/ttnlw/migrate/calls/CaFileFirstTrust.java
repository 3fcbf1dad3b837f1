package org.ttnlw.migrate.calls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts what the CA file's certificate authorities vouch for, and otherwise what the system's
 * do. The system's are read only when a server is not the CA file's: reading the JDK's trust
 * store takes a tenth of a second at start-up, and a CA file mostly names the one CA its
 * deployment uses.
 */
final class CaFileFirstTrust extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager caFile;
  private final Supplier<X509ExtendedTrustManager> systemSource;
  private X509ExtendedTrustManager system;

  CaFileFirstTrust(X509ExtendedTrustManager caFile,
      Supplier<X509ExtendedTrustManager> systemSource) {
    this.caFile = caFile;
    this.systemSource = systemSource;
  }

  private interface Check {
    void run(X509ExtendedTrustManager manager) throws CertificateException;
  }

  /** The CA file's verdict, unless the system's certificate authorities vouch instead. */
  private void check(Check check) throws CertificateException {
    try {
      check.run(caFile);
    } catch (CertificateException refusedByCaFile) {
      try {
        check.run(system());
      } catch (CertificateException refusedBySystem) {
        refusedByCaFile.addSuppressed(refusedBySystem);
        throw refusedByCaFile;
      }
    }
  }

  /** Called only when the CA file refuses a server, so a plain lock costs nothing worth saving. */
  private synchronized X509ExtendedTrustManager system() {
    if (system == null) {
      system = systemSource.get();
    }
    return system;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(manager -> manager.checkServerTrusted(chain, authType));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(manager -> manager.checkServerTrusted(chain, authType, socket));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(manager -> manager.checkServerTrusted(chain, authType, engine));
  }

  // The tool is a client: it never verifies a client's certificate.
  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("verifies servers only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    X509Certificate[] fromFile = caFile.getAcceptedIssuers();
    X509Certificate[] fromSystem = system().getAcceptedIssuers();
    X509Certificate[] all = Arrays.copyOf(fromFile, fromFile.length + fromSystem.length);
    System.arraycopy(fromSystem, 0, all, fromFile.length, fromSystem.length);
    return all;
  }
}
