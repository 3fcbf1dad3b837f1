package org.ttnlw.migrate.source.chirpstack;

import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.chirpstack.proto.DeviceProfile;
import org.ttnlw.migrate.proto.MessagePayloadFormatters;
import org.ttnlw.migrate.proto.PayloadFormatter;

/**
 * A device profile's codec as TTS payload formatters. ChirpStack v4 scripts define {@code
 * decodeUplink(input)} and {@code encodeDownlink(input)}, the functions TTS's JavaScript
 * formatters call, so the one script serves as both. TTS gives no {@code input.variables}: a
 * script that reads them is exported with a warning.
 */
final class Codecs {
  private static final Logger log = LoggerFactory.getLogger(Codecs.class);
  private static final Pattern READS_VARIABLES =
      Pattern.compile("\\.\\s*variables\\b|\\[\\s*[\"'`]variables[\"'`]\\s*]|\\{[^}]*\\bvariables\\b[^}]*}\\s*=\\s*input\\b");

  private Codecs() {}

  static Optional<MessagePayloadFormatters> of(String devEui, DeviceProfile profile) {
    return switch (profile.getPayloadCodecRuntime()) {
      case CAYENNE_LPP -> Optional.of(MessagePayloadFormatters.newBuilder()
          .setUpFormatter(PayloadFormatter.FORMATTER_CAYENNELPP)
          .setDownFormatter(PayloadFormatter.FORMATTER_CAYENNELPP)
          .build());
      case JS -> Optional.of(javascript(devEui, profile.getPayloadCodecScript()));
      case NONE -> Optional.empty();
      case UNRECOGNIZED -> throw new DeviceMappingException(devEui, "its device profile's codec"
          + " runtime " + profile.getPayloadCodecRuntimeValue() + " is not one this tool knows");
    };
  }

  private static MessagePayloadFormatters javascript(String devEui, String script) {
    if (READS_VARIABLES.matcher(script).find()) {
      log.warn("device {}: its codec script reads input.variables, which TTS does not provide;"
          + " put the values into the script before the devices use it in TTS", devEui);
    }
    return MessagePayloadFormatters.newBuilder()
        .setUpFormatter(PayloadFormatter.FORMATTER_JAVASCRIPT)
        .setUpFormatterParameter(script)
        .setDownFormatter(PayloadFormatter.FORMATTER_JAVASCRIPT)
        .setDownFormatterParameter(script)
        .build();
  }
}
