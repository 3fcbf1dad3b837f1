package org.ttnlw.migrate.source.chirpstack;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ttnlw.migrate.calls.ApiKey;
import org.ttnlw.migrate.calls.Credentials;
import org.ttnlw.migrate.calls.TrustSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.source.lorawan.FrequencyPlan;
import org.ttnlw.migrate.source.lorawan.FrequencyPlans;

/** Checked settings of the ChirpStack source, built from its options before any network call. */
record ChirpStackConfig(
    String address,
    ApiKey apiKey,
    TrustSettings trust,
    Optional<ByteString> joinEui,
    Optional<FrequencyPlan> frequencyPlan,
    boolean exportSession,
    boolean exportVars) {

  private static final Pattern SCHEME = Pattern.compile("^(?i)(grpcs?|https?)://");
  private static final Pattern HOST_PORT = Pattern.compile("^(\\[[0-9a-fA-F:.]+]|[^\\s:/\\[\\]]+):([0-9]{1,5})/?$");
  private static final Pattern EUI = Pattern.compile("[0-9a-fA-F]{16}");

  static ChirpStackConfig from(ChirpStackOptions options) {
    if (options.exportSession && options.noSession) {
      throw new ConfigException("--export-session and --no-session contradict each other;"
          + " pass one of them");
    }
    String address = address(options.apiUrl);
    Credentials credentials = Credentials.from(options.keyFileAndCa, options.apiKey,
        options.insecure, "API key",
        "no API key: set --api-key, --api-key-file or CHIRPSTACK_API_KEY");
    return new ChirpStackConfig(
        address,
        new ApiKey(credentials.apiKey()),
        credentials.trust(),
        joinEui(options.joinEui),
        frequencyPlan(options.frequencyPlanId),
        options.exportSession,
        options.exportVars);
  }

  private static String address(String url) {
    if (url == null || url.isBlank()) {
      throw new ConfigException("no ChirpStack API address: set --api-url (or"
          + " CHIRPSTACK_API_URL), e.g. chirpstack.example.com:8080");
    }
    String hostPort = SCHEME.matcher(url.strip()).replaceFirst("");
    var matcher = HOST_PORT.matcher(hostPort);
    if (!matcher.matches() || Integer.parseInt(matcher.group(2)) < 1
        || Integer.parseInt(matcher.group(2)) > 65535) {
      throw new ConfigException("invalid ChirpStack API address \"" + url
          + "\": expected HOST:PORT with a port from 1 to 65535, e.g. chirpstack.example.com:8080");
    }
    return matcher.group(1) + ":" + matcher.group(2);
  }

  private static Optional<ByteString> joinEui(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    if (!EUI.matcher(text.strip()).matches()) {
      throw new ConfigException("invalid --join-eui \"" + text
          + "\": expected 16 hexadecimal digits, e.g. 70b3d57ed0000000");
    }
    return Optional.of(ByteString.copyFrom(HexFormat.of().parseHex(text.strip())));
  }

  private static Optional<FrequencyPlan> frequencyPlan(String id) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(FrequencyPlans.require(id));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--frequency-plan-id: " + e.getMessage());
    }
  }
}
