package org.ttnlw.migrate.source.firefly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.calls.Retrier;

class FireflyRetryClassifierTest {
  private static Retrier.Decision refused(int status, Duration serverAsked) {
    return FireflyRetryClassifier.shouldRetry(
        new FireflyCallException("HTTP " + status, status, false, serverAsked));
  }

  @Test
  void passingRefusalsGoAgainAfterWhatFireflyAsked() {
    Duration asked = Duration.ofSeconds(2);
    for (int status : new int[] {429, 500, 502, 503, 504}) {
      assertEquals(Retrier.Decision.retryAfter(asked), refused(status, asked), "HTTP " + status);
    }
    for (int status : new int[] {200, 400, 401, 403, 404, 409, 501}) {
      assertEquals(Retrier.Decision.GIVE_UP, refused(status, asked), "HTTP " + status);
    }
  }

  @Test
  void aFailedConnectionGoesAgainUnlessTlsFailed() {
    assertEquals(Retrier.Decision.RETRY,
        FireflyRetryClassifier.shouldRetry(new SocketTimeoutException("timeout")));
    assertEquals(Retrier.Decision.RETRY,
        FireflyRetryClassifier.shouldRetry(new IOException("unexpected end of stream")));
    assertEquals(Retrier.Decision.GIVE_UP, FireflyRetryClassifier.shouldRetry(
        new SSLHandshakeException("PKIX path building failed")));
    assertEquals(Retrier.Decision.GIVE_UP,
        FireflyRetryClassifier.shouldRetry(new IllegalStateException("bug")));
  }

  private static Response answer(String header, String value) {
    return new Response.Builder().request(new Request.Builder().url("http://firefly/").build())
        .protocol(Protocol.HTTP_1_1).code(429).message("Too Many Requests")
        .header(header, value).build();
  }

  @Test
  void theServersPauseIsReadFromEitherHeaderAndCapped() {
    assertEquals(Duration.ofMillis(1500),
        FireflyRetryClassifier.serverAsked(answer("x-ratelimit-reset", "1500")));
    assertEquals(Duration.ofSeconds(3),
        FireflyRetryClassifier.serverAsked(answer("Retry-After", " 3 ")));
    assertEquals(Duration.ofMinutes(1),
        FireflyRetryClassifier.serverAsked(answer("Retry-After", "3600")));
    assertEquals(Duration.ZERO,
        FireflyRetryClassifier.serverAsked(answer("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")));
    assertEquals(Duration.ZERO, FireflyRetryClassifier.serverAsked(answer("X-Other", "5")));
  }
}
