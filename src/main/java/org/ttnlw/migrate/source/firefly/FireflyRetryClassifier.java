package org.ttnlw.migrate.source.firefly;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLException;
import okhttp3.Response;
import org.ttnlw.migrate.calls.Retrier;

/**
 * Which failed Firefly requests the {@link Retrier} tries again: those Firefly refused for a
 * passing reason (rate limited, server failing or unavailable), after at least the pause it asked
 * for, and those whose connection failed or timed out.
 */
final class FireflyRetryClassifier {
  private static final Set<Integer> PASSING_STATUSES = Set.of(429, 500, 502, 503, 504);
  private static final Duration LONGEST_ASKED = Duration.ofMinutes(1);

  private FireflyRetryClassifier() {}

  /** @param failure a refusal as a {@link FireflyCallException}, or the request's IOException */
  static Retrier.Decision shouldRetry(Throwable failure) {
    if (failure instanceof FireflyCallException refusal) {
      return PASSING_STATUSES.contains(refusal.status())
          ? Retrier.Decision.retryAfter(refusal.serverAsked()) : Retrier.Decision.GIVE_UP;
    }
    // A server whose certificate is not trusted stays so, however often it is asked.
    return failure instanceof IOException && !(failure instanceof SSLException)
        ? Retrier.Decision.RETRY : Retrier.Decision.GIVE_UP;
  }

  /**
   * How long Firefly asked to wait: {@code x-ratelimit-reset} (milliseconds until the window
   * resets, as the documentation's example reads) or a standard {@code Retry-After} in seconds.
   */
  static Duration serverAsked(Response response) {
    Duration asked = Duration.ZERO;
    String reset = response.header("x-ratelimit-reset");
    String retryAfter = response.header("Retry-After");
    try {
      if (reset != null) {
        asked = Duration.ofMillis(Math.max(0, Long.parseLong(reset.strip())));
      } else if (retryAfter != null) {
        asked = Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.strip())));
      }
    } catch (NumberFormatException e) {
      return Duration.ZERO;
    }
    return asked.compareTo(LONGEST_ASKED) > 0 ? LONGEST_ASKED : asked;
  }
}
