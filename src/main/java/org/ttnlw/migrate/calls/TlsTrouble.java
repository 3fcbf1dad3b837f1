package org.ttnlw.migrate.calls;

import io.grpc.Status;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;

/**
 * Recognises a call that failed because of TLS and says what to do, naming the connection's
 * flags as {@code --ca-file} and {@code --insecure} (the CLI spells them as the user typed them).
 */
public final class TlsTrouble {
  private TlsTrouble() {}

  /** The advice for {@code failure}, or "" when it is not TLS trouble. */
  public static String advice(Throwable failure, boolean plaintext) {
    if (plaintext) {
      Status status = Status.fromThrowable(failure);
      String description = status.getDescription() == null ? "" : status.getDescription();
      return status.getCode() == Status.Code.UNAVAILABLE
          && description.contains("Network closed for unknown reason")
          ? "the server closed the plaintext connection at once: it probably expects TLS;"
              + " leave out --insecure (and give --ca-file if its CA is private)"
          : "";
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
        return "the server's TLS certificate is not signed by a CA this machine trusts: give"
            + " the CA certificate (PEM) with --ca-file";
      }
      if (cause.getClass().getSimpleName().equals("NotSslRecordException")) {
        return "the server does not speak TLS: if it serves plaintext on purpose (a local or"
            + " private deployment), connect with --insecure";
      }
    }
    return "";
  }
}
