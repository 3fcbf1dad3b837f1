package org.ttnlw.migrate.calls;

import io.grpc.Status;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;

/**
 * Whether a failed gRPC call tells something about the connection or the key rather than about
 * the one item it was for: the key is refused or lacks a right, the address answers nobody, or TLS
 * does not match. Such a failure will fail every other item too.
 */
public final class FailureReach {
  private FailureReach() {}

  public static boolean failsEveryCall(Throwable failure) {
    Status status = Status.fromThrowable(failure);
    return switch (status.getCode()) {
      case UNAUTHENTICATED, PERMISSION_DENIED -> true;
      case UNAVAILABLE -> causes(failure).anyMatch(FailureReach::isConnectionTrouble);
      default -> false;
    };
  }

  /** Nobody listens at the address, its name does not resolve, or TLS does not match there. */
  public static boolean isConnectionTrouble(Throwable cause) {
    return cause instanceof ConnectException || cause instanceof UnknownHostException
        || cause instanceof UnresolvedAddressException || cause instanceof SSLException
        || cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException;
  }

  private static Stream<Throwable> causes(Throwable failure) {
    return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
  }
}
