package org.ttnlw.migrate.source;

import com.google.protobuf.ByteString;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a LoRa Basics Station gateway's CUPS server sends it: the Gateway Server address and
 * the LNS key it hands out. Changing them at the source is the documented CUPS redirect.
 */
public record LnsSettings(String gatewayServerAddress, ByteString lnsSecret) {
  /**
   * The names under which a run's journal keeps a gateway's settings from before a redirect
   * (the secret in base64), for the hand-over's revert and for {@code undo}.
   */
  public static final String ADDRESS_NOTE = "old-gateway-server-address";
  public static final String SECRET_NOTE = "old-lbs-lns-secret";

  /** The settings a journal keeps, read through {@code noted} (a note by its name), if any. */
  public static Optional<LnsSettings> noted(Function<String, Optional<String>> noted) {
    return noted.apply(ADDRESS_NOTE).flatMap(address -> noted.apply(SECRET_NOTE)
        .map(secret -> new LnsSettings(address,
            ByteString.copyFrom(Base64.getDecoder().decode(secret)))));
  }

  /** The secret as the journal keeps it. */
  public String encodedSecret() {
    return Base64.getEncoder().encodeToString(lnsSecret.toByteArray());
  }

  @Override
  public String toString() {
    return "LnsSettings[" + gatewayServerAddress + ", secret redacted]";
  }
}
