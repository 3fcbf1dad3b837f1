package org.ttnlw.migrate.tts;

import io.grpc.Metadata;
import java.time.Duration;
import java.util.regex.Pattern;

/** TTS's {@code x-rate-limit-retry}: the seconds to wait before calling again after a refusal. */
final class RetryAfterHeader {
  private static final Metadata.Key<String> KEY =
      Metadata.Key.of("x-rate-limit-retry", Metadata.ASCII_STRING_MARSHALLER);
  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,9}");

  private RetryAfterHeader() {}

  /** The pause asked for by the first of {@code metadata} that carries a valid header; else zero. */
  static Duration in(Metadata... metadata) {
    for (Metadata headers : metadata) {
      String value = headers == null ? null : headers.get(KEY);
      if (value != null && SECONDS.matcher(value.strip()).matches()) {
        return Duration.ofSeconds(Long.parseLong(value.strip()));
      }
    }
    return Duration.ZERO;
  }
}
