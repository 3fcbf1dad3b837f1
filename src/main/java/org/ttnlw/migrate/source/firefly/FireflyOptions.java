package org.ttnlw.migrate.source.firefly;

import org.ttnlw.migrate.calls.KeyFileAndCaOptions;
import org.ttnlw.migrate.core.SecretFlag;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of the Firefly source, offered as {@code --firefly.NAME} next to {@code --source
 * firefly} and as {@code --NAME} under {@code ttn-lw-migrate firefly}; each also reads {@code
 * FIREFLY_NAME}.
 */
public final class FireflyOptions {
  @Option(names = "--host", paramLabel = "HOST[:PORT]",
      description = "Firefly API host, without scheme or path, e.g. api.fireflyiot.com.")
  String host;

  @Option(names = "--api-key", paramLabel = "KEY",
      description = "Firefly API key. Sent as the auth query parameter, as Firefly requires; never"
          + " printed or logged." + SecretFlag.VISIBLE_IN_PS)
  String apiKey;

  @Mixin
  KeyFileAndCaOptions keyFileAndCa = new KeyFileAndCaOptions();

  @Option(names = "--use-http",
      description = "Plain HTTP instead of HTTPS: for local tests only, as it sends the API key in"
          + " clear text.")
  boolean useHttp;

  @Option(names = "--app-id", paramLabel = "ID",
      description = "TTS application ID the devices are exported into (Firefly's numeric"
          + " application IDs mean nothing to TTS). Required.")
  String appId;

  @Option(names = "--join-eui", paramLabel = "EUI",
      description = "JoinEUI of the OTAA devices (Firefly does not store it). Required when an"
          + " OTAA device is exported.")
  String joinEui;

  @Option(names = "--frequency-plan-id", paramLabel = "PLAN",
      description = "TTS frequency plan of the devices, e.g. EU_863_870_TTN or US_902_928_FSB_2."
          + " Required; checked against TTS's plans and against a device's region.")
  String frequencyPlanId;

  @Option(names = "--mac-version", paramLabel = "VERSION",
      description = "LoRaWAN MAC version with Regional Parameters revision, as Firefly stores"
          + " neither: 1.0.0, 1.0.1, 1.0.2a, 1.0.2b, 1.0.3, 1.0.4, 1.1.0a, 1.1.0b. Required.")
  String macVersion;

  @Option(names = "--invalidate-keys",
      description = "After a device's JSON is written, change its keys on Firefly (last byte of"
          + " each key plus one), so Firefly no longer serves it. Never under --dry-run.")
  boolean invalidateKeys;

  @Option(names = "--all",
      description = "`application`: export every device the API key reaches instead of the"
          + " applications named.")
  boolean all;
}
