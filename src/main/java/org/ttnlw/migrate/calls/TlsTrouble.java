package org.ttnlw.migrate.calls;

import io.grpc.Status;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Recognises a call that failed because of TLS and says what to do, naming the {@code ca-file}
 * and {@code insecure} flags of the connection that failed: the source's or the target's.
 */
public final class TlsTrouble {
  /** gRPC's OkHttp transport, when the server closes the connection without a word. */
  private static final String SERVER_CLOSED = "End of stream or IOException";
  /** The JDK's TLS, when the first bytes the server sends are not a TLS record. */
  private static final String NOT_TLS = "Unsupported or unrecognized SSL message";
  /** gRPC's OkHttp transport, when the server's certificate names other hosts. */
  private static final String OTHER_HOST = "Cannot verify hostname";

  private TlsTrouble() {}

  /**
   * The advice for {@code failure}, or "" when it is not TLS trouble.
   *
   * @param flagPrefix how the connection's flags are offered: {@code --target.} for the target,
   *     {@code --} for a source (the CLI puts the source's name in when the user typed it)
   */
  public static String advice(Throwable failure, boolean plaintext, String flagPrefix) {
    String caFile = flagPrefix + "ca-file";
    String insecure = flagPrefix + "insecure";
    if (plaintext) {
      Status status = Status.fromThrowable(failure);
      String description = status.getDescription() == null ? "" : status.getDescription();
      return status.getCode() == Status.Code.UNAVAILABLE
          && description.contains(SERVER_CLOSED)
          ? "the server closed the plaintext connection at once: it probably expects TLS;"
              + " leave out " + insecure + " (and give " + caFile + " if its CA is private)"
          : "";
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
        return "the server's TLS certificate is not signed by a CA this machine trusts: give"
            + " the CA certificate (PEM) with " + caFile;
      }
      if (cause instanceof SSLException
          && String.valueOf(cause.getMessage()).contains(NOT_TLS)) {
        return "the server does not speak TLS: if it serves plaintext on purpose (a local or"
            + " private deployment), connect with " + insecure;
      }
      if (cause instanceof SSLPeerUnverifiedException
          && String.valueOf(cause.getMessage()).startsWith(OTHER_HOST)) {
        return "the server's TLS certificate is for another host name: connect by a name the"
            + " certificate gives (the deployment's address, not an IP address or an alias)";
      }
    }
    return "";
  }
}
