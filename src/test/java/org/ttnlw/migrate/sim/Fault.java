package org.ttnlw.migrate.sim;

import io.grpc.Status;
import java.time.Duration;
import java.util.Map;

/**
 * A failure the fault hook injects instead of handling a call.
 *
 * @param status what the call fails with
 * @param headers response headers that replace the simulator's own; TTS reports rate limiting in
 *     headers ({@code x-rate-limit-retry}), not trailers
 */
public record Fault(Status status, Map<String, String> headers) {

  public Fault {
    headers = Map.copyOf(headers);
  }

  public static Fault of(Status status) {
    return new Fault(status, Map.of());
  }

  /** The call is refused as TTS refuses a call over its rate limit. */
  public static Fault rateLimited(Duration retryAfter) {
    return new Fault(
        Status.RESOURCE_EXHAUSTED.withDescription(
            "error:pkg/ratelimit:rate_limit_exceeded (rate limit exceeded)"),
        Map.of(
            RateLimitWindow.AVAILABLE,
            "0",
            RateLimitWindow.RETRY,
            Long.toString(retryAfter.toSeconds())));
  }
}
