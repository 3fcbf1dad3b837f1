package org.ttnlw.migrate.source.awsiot;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.ttnlw.migrate.calls.FailureReach;
import org.ttnlw.migrate.calls.Retrier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;

/**
 * What a failed SDK call means for the export, and whether the {@link Retrier} tries it again
 * (throttling, 5xx, network). The error code is read from the response rather
 * than the exception class: codes the service model does not declare (the credential errors)
 * arrive as the base exception with only the code set.
 *
 * @param code AWS's error code (x-amzn-ErrorType), or the client-side exception's name
 * @param status HTTP status, 0 when no response came
 */
record AwsFailure(String code, int status, String message, boolean passing, boolean rateLimited,
    boolean unreachable) {
  private static final Set<String> CREDENTIAL_CODES = Set.of("UnrecognizedClientException",
      "InvalidSignatureException", "AccessDeniedException", "ExpiredTokenException",
      "InvalidClientTokenId", "MissingAuthenticationTokenException");

  static AwsFailure of(Throwable failure) {
    if (failure instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      String message = service.awsErrorDetails() == null ? null
          : service.awsErrorDetails().errorMessage();
      int status = service.statusCode();
      boolean rateLimited = status == 429 || "ThrottlingException".equals(code)
          || service.isThrottlingException();
      return new AwsFailure(code == null ? "HTTP " + status : code, status,
          message == null ? "" : message, rateLimited || status >= 500, rateLimited, false);
    }
    boolean network = failure instanceof ApiCallAttemptTimeoutException
        || causes(failure).anyMatch(IOException.class::isInstance);
    return new AwsFailure(failure.getClass().getSimpleName(), 0,
        String.valueOf(failure.getMessage()), network, false,
        causes(failure).anyMatch(FailureReach::isConnectionTrouble));
  }

  /** What the {@link Retrier} does next: call again when the failure may pass. */
  Retrier.Decision shouldRetry() {
    return passing ? Retrier.Decision.RETRY : Retrier.Decision.GIVE_UP;
  }

  /** Refused credentials or an endpoint nobody answers: every other call fails the same way. */
  boolean failsEveryCall() {
    return CREDENTIAL_CODES.contains(code) || unreachable;
  }

  boolean notFound() {
    return status == 404 || "ResourceNotFoundException".equals(code);
  }

  /** One line for the operator: the code, the status, AWS's message and what to check. */
  String describe() {
    StringBuilder text = new StringBuilder(code);
    if (status > 0) {
      text.append(" (HTTP ").append(status).append(')');
    }
    if (!message.isEmpty()) {
      text.append(": ").append(message);
    }
    if (CREDENTIAL_CODES.contains(code)) {
      text.append("; check the AWS credentials, their permissions and the region"
          + " (AWS_PROFILE, AWS_REGION, AWS_ACCESS_KEY_ID)");
    }
    return text.toString();
  }

  private static Stream<Throwable> causes(Throwable failure) {
    return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
  }
}
