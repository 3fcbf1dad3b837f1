package org.ttnlw.migrate.calls;

import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;

/**
 * Which failed gRPC calls the {@link Retrier} tries again. Only failures that say nothing against
 * the request are retried: the server or the network was unavailable, TTS rate limited the call,
 * or a read timed out.
 */
final class GrpcRetryClassifier {
  /** How gRPC describes a stream or connection reset by the server or a proxy in between. */
  private static final Pattern RESET = Pattern.compile("(?i)rst[_ ]stream|connection reset");

  private GrpcRetryClassifier() {}

  /**
   * What a failure is judged by: a server's own error (one that carries rich details, as TTS's
   * {@code ErrorDetails}) by its code alone, as its text is the server's prose (HTML-escaped since
   * TTS 3.36) and no reset of the transport; any other failure with its description and cause.
   */
  static Status judged(Throwable failure) {
    Status status = Status.fromThrowable(failure);
    com.google.rpc.Status rich = StatusProto.fromThrowable(failure);
    return rich != null && rich.getDetailsCount() > 0 ? Status.fromCode(status.getCode()) : status;
  }

  /**
   * Whether a call that failed with {@code status} goes again, after at least the pause the
   * server asked for in the refusal's headers or trailers.
   */
  static Retrier.Decision shouldRetry(Status status, boolean read, Duration serverAsked) {
    return isTransient(status, read)
        ? Retrier.Decision.retryAfter(serverAsked) : Retrier.Decision.GIVE_UP;
  }

  /**
   * Whether the failure may go away by itself. A write that timed out is not: it may have been
   * applied, and the caller must hear so rather than have it applied twice.
   */
  static boolean isTransient(Status status, boolean read) {
    return switch (status.getCode()) {
      case UNAVAILABLE -> !isHandshakeFailure(status);
      case RESOURCE_EXHAUSTED, ABORTED -> true;
      // gRPC reports a stream the server or a proxy reset as INTERNAL, or as CANCELLED when the
      // reset said so; a call this client cancelled has no reset in its status.
      case INTERNAL, CANCELLED -> isConnectionReset(status);
      case DEADLINE_EXCEEDED -> read;
      default -> false;
    };
  }

  /** What a final failure adds to its message: how often it was tried, or why it was not. */
  static String remark(int attempts, Status status, boolean read) {
    if (!read && status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
      return "not retried, as the server may have applied the change before the deadline";
    }
    return attempts > 1 ? "gave up after " + attempts + " attempts" : "";
  }

  private static boolean isConnectionReset(Status status) {
    return mentionsReset(status.getDescription())
        || causes(status).anyMatch(cause -> mentionsReset(cause.getMessage()));
  }

  private static boolean mentionsReset(String text) {
    return text != null && RESET.matcher(text).find();
  }

  /** A server whose certificate is not trusted stays so, however often it is asked. */
  private static boolean isHandshakeFailure(Status status) {
    return causes(status).anyMatch(SSLHandshakeException.class::isInstance);
  }

  private static Stream<Throwable> causes(Status status) {
    return Stream.iterate(status.getCause(), Objects::nonNull, Throwable::getCause);
  }
}
