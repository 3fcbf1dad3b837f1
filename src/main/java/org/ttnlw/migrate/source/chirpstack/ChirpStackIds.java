package org.ttnlw.migrate.source.chirpstack;

import java.util.Locale;
import java.util.regex.Pattern;
import org.ttnlw.migrate.core.IdSyntax;

/**
 * How ChirpStack names devices (DevEUI), gateways (gateway EUI) and applications and tenants (UUID),
 * and the TTS IDs made of them.
 */
final class ChirpStackIds {
  private static final Pattern HEX_EUI = Pattern.compile("[0-9a-fA-F]{16}");
  private static final Pattern HEX_UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  static final IdSyntax DEV_EUI = new Syntax(HEX_EUI,
      "a ChirpStack device is named by its DevEUI: 16 hexadecimal digits, e.g. 0004a30b001c0530");
  static final IdSyntax GATEWAY_EUI = new Syntax(HEX_EUI,
      "a ChirpStack gateway is named by its gateway EUI: 16 hexadecimal digits, e.g."
          + " 0016c001ff10a235");
  static final IdSyntax UUID = new Syntax(HEX_UUID,
      "a ChirpStack application is named by its UUID, e.g. 3a5b1c2d-0000-4000-8000-00000000abcd");

  private ChirpStackIds() {}

  private record Syntax(Pattern pattern, String rule) implements IdSyntax {
    @Override
    public String problem(String id) {
      return pattern.matcher(id).matches() ? null : rule;
    }

    @Override
    public String canonical(String id) {
      return id.toLowerCase(Locale.ROOT);
    }
  }

  /** The TTS device ID of a device: {@code eui-} and its DevEUI in lower case. */
  static String deviceId(String devEui) {
    return "eui-" + devEui.toLowerCase(Locale.ROOT);
  }

  /** The TTS application ID of a ChirpStack application: {@code chirpstack-} and its UUID's last group. */
  static String applicationId(String applicationUuid) {
    String id = applicationUuid.toLowerCase(Locale.ROOT);
    return "chirpstack-" + id.substring(id.lastIndexOf('-') + 1);
  }
}
