package org.ttnlw.migrate.source.awsiot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.calls.Retrier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsFailureTest {
  private static Retrier.Decision answered(int status, String code) {
    return AwsFailure.of(AwsServiceException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build())
        .shouldRetry();
  }

  @Test
  void throttlingAndServerFailuresGoAgain() {
    assertEquals(Retrier.Decision.RETRY, answered(400, "ThrottlingException"));
    assertEquals(Retrier.Decision.RETRY, answered(429, "TooManyRequestsException"));
    assertEquals(Retrier.Decision.RETRY, answered(500, "InternalServerException"));
    assertEquals(Retrier.Decision.RETRY, answered(503, "ServiceUnavailable"));
  }

  @Test
  void refusalsOfTheRequestOrTheCredentialsDoNot() {
    assertEquals(Retrier.Decision.GIVE_UP, answered(403, "AccessDeniedException"));
    assertEquals(Retrier.Decision.GIVE_UP, answered(404, "ResourceNotFoundException"));
    assertEquals(Retrier.Decision.GIVE_UP, answered(400, "ValidationException"));
  }

  @Test
  void aNetworkFailureGoesAgainAndABugDoesNot() {
    assertEquals(Retrier.Decision.RETRY, AwsFailure.of(SdkClientException.builder()
        .message("Unable to execute HTTP request").cause(new IOException("reset")).build())
        .shouldRetry());
    assertEquals(Retrier.Decision.GIVE_UP,
        AwsFailure.of(new IllegalStateException("bug")).shouldRetry());
  }
}
