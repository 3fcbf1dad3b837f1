package org.ttnlw.migrate.source.firefly;

import static org.ttnlw.migrate.core.FlagValues.required;

import com.google.protobuf.ByteString;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.ttnlw.migrate.calls.Credentials;
import org.ttnlw.migrate.calls.TrustSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.source.lorawan.FrequencyPlan;
import org.ttnlw.migrate.source.lorawan.FrequencyPlans;
import org.ttnlw.migrate.source.lorawan.Hex;
import org.ttnlw.migrate.source.lorawan.LorawanVersions;

/** Checked settings of the Firefly source, built from {@link FireflyOptions} before any call. */
record FireflyConfig(
    HttpUrl baseUrl,
    Credentials credentials,
    String appId,
    Optional<ByteString> joinEui,
    FrequencyPlan plan,
    LorawanVersions.Versions versions) {

  static FireflyConfig from(FireflyOptions options) {
    String host = required(options.host, "no Firefly host: set --host (or FIREFLY_HOST)");
    HttpUrl parsed = HttpUrl.parse((options.useHttp ? "http" : "https") + "://" + host
        + "/api/v1/");
    if (parsed == null || host.contains("/") || host.contains("?") || host.contains("@")) {
      throw new ConfigException("--host \"" + host + "\" is not a host name with an optional"
          + " port, e.g. api.fireflyiot.com or 127.0.0.1:8080 (no scheme, no path)");
    }
    String appId = required(options.appId, "no TTS application ID: set --app-id (or"
        + " FIREFLY_APP_ID)");
    String idProblem = DeviceIds.problem(appId);
    if (idProblem != null) {
      throw new ConfigException("--app-id \"" + appId + "\": " + idProblem);
    }
    Optional<ByteString> joinEui;
    try {
      joinEui = Hex.parse(options.joinEui, 8, "--join-eui");
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    FrequencyPlan plan;
    LorawanVersions.Versions versions;
    try {
      plan = FrequencyPlans.require(required(options.frequencyPlanId, "no frequency plan: set"
          + " --frequency-plan-id (or FIREFLY_FREQUENCY_PLAN_ID); Firefly does not store it"));
      versions = LorawanVersions.combined(required(options.macVersion, "no LoRaWAN version: set"
          + " --mac-version (or FIREFLY_MAC_VERSION), e.g. 1.0.2b; Firefly does not store it"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    if (options.useHttp && options.keyFileAndCa.hasCaFile()) {
      throw new ConfigException("--ca-file (--ca-cert-path) and --use-http exclude each"
          + " other: plain HTTP checks no certificate");
    }
    Credentials credentials = Credentials.from(options.keyFileAndCa, options.apiKey,
        options.useHttp, "Firefly API key",
        "no Firefly API key: set --api-key, --api-key-file or FIREFLY_API_KEY");
    return new FireflyConfig(parsed, credentials, appId, joinEui,
        plan, versions);
  }

  /** The API key, which Firefly takes as a query parameter; kept out of {@code toString}. */
  String apiKey() {
    return credentials.apiKey();
  }

  TrustSettings trust() {
    return credentials.trust();
  }
}
