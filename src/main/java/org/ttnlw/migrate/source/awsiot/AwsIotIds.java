package org.ttnlw.migrate.source.awsiot;

import java.util.Locale;
import java.util.regex.Pattern;
import org.ttnlw.migrate.core.IdSyntax;

/** How AWS IoT Core for LoRaWAN names devices and destinations on the command line. */
final class AwsIotIds {
  private static final Pattern DEV_EUI = Pattern.compile("[0-9a-fA-F]{16}");
  /** Wireless device IDs are UUIDs in practice; the model allows up to 256 characters. */
  private static final Pattern WIRELESS_DEVICE_ID = Pattern.compile("[0-9A-Za-z-]{1,256}");
  private static final Pattern DESTINATION_NAME = Pattern.compile("[a-zA-Z0-9-_]{1,128}");

  /** A DevEUI (any case, one spelling: lower case) or a wireless device ID. */
  static final IdSyntax DEVICE = new IdSyntax() {
    @Override
    public String problem(String id) {
      return isDevEui(id) || WIRELESS_DEVICE_ID.matcher(id).matches() ? null
          : "AWS devices are named by wireless device ID (a UUID) or DevEUI (16 hex digits)";
    }

    @Override
    public String canonical(String id) {
      return isDevEui(id) ? id.toLowerCase(Locale.ROOT) : id;
    }
  };

  static final IdSyntax DESTINATION = id -> DESTINATION_NAME.matcher(id).matches() ? null
      : "AWS destination names are 1 to 128 letters, digits, dashes and underscores";

  private AwsIotIds() {}

  static boolean isDevEui(String id) {
    return DEV_EUI.matcher(id).matches();
  }
}
