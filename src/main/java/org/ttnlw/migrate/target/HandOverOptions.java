package org.ttnlw.migrate.target;

import java.nio.file.Path;
import java.time.Duration;
import org.ttnlw.migrate.core.DurationConverter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How gateways are handed over to the target once registered there. */
public final class HandOverOptions {
  /** What the run does to make a gateway talk to the target. */
  public enum Takeover {
    /** Nothing: the run says, per gateway, what to set on the hardware. */
    NONE,
    /**
     * For CUPS-managed gateways of a TTS source: the source's Gateway Server address and LNS key
     * are set to the target's, so the gateway moves on its next CUPS request.
     */
    LNS_REDIRECT
  }

  /** {@code none} and {@code lns-redirect}, as the flag is written. */
  static final class TakeoverConverter implements ITypeConverter<Takeover> {
    @Override
    public Takeover convert(String value) {
      return switch (value.strip()) {
        case "none" -> Takeover.NONE;
        case "lns-redirect" -> Takeover.LNS_REDIRECT;
        default -> throw new TypeConversionException("'" + value + "' is not a takeover mode:"
            + " none or lns-redirect");
      };
    }
  }

  @Option(names = "--takeover", paramLabel = "none|lns-redirect",
      converter = TakeoverConverter.class,
      description = "none (default): print, per gateway, what to set on the hardware."
          + " lns-redirect: point CUPS-managed gateways of a TTS source at the target (the"
          + " documented CUPS redirect: the source's Gateway Server address and LNS key are set"
          + " to the target's); other gateways fall back to none, each named.")
  Takeover takeover = Takeover.NONE;

  @Option(names = "--keys-file", paramLabel = "FILE",
      description = "Where the LNS API keys created on the target go, one JSON line per gateway"
          + " (gateway ID, EUI, LNS URI, key), owner-read-only. Default: gateway-keys.json."
          + " Keys are written nowhere else.")
  Path keysFile;

  @Option(names = "--verify-timeout", paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long to wait for the target's Gateway Server to see each gateway"
          + " connected after the hand-over, e.g. 30s, 10m (all gateways at once).")
  Duration verifyTimeout;

  @Option(names = "--create-lns-keys",
      description = "import-gateways: create an LNS API key on the target for every gateway"
          + " (LoRa Basics Station); a file cannot say which gateways use one.")
  boolean createLnsKeys;

  public Takeover takeover() {
    return takeover;
  }

  /** The keys file given, or null for the default. */
  public Path keysFile() {
    return keysFile;
  }

  /** The wait given, or null when none was. */
  public Duration verifyTimeout() {
    return verifyTimeout;
  }

  public boolean createLnsKeys() {
    return createLnsKeys;
  }
}
