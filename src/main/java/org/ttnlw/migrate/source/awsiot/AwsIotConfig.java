package org.ttnlw.migrate.source.awsiot;

import java.net.URI;
import java.util.Optional;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.FlagValues;
import org.ttnlw.migrate.source.lorawan.FrequencyPlan;
import org.ttnlw.migrate.source.lorawan.FrequencyPlans;
import org.ttnlw.migrate.source.lorawan.LorawanVersions;

/** Checked settings of the awsiot source, built from {@link AwsIotOptions} before any call. */
record AwsIotConfig(
    String appId,
    FrequencyPlan plan,
    Optional<LorawanVersions.Versions> macVersion,
    Optional<Boolean> supports32BitFCnt,
    boolean all,
    FrameCounters frameCounters,
    Optional<URI> endpoint) {

  static AwsIotConfig from(AwsIotOptions options) {
    String appId = FlagValues.required(options.appId, "no TTS application ID: set --app-id (or"
        + " AWSIOT_APP_ID); AWS has no application the devices could be matched to");
    String plan = FlagValues.required(options.frequencyPlanId, "no frequency plan: set"
        + " --frequency-plan-id (or AWSIOT_FREQUENCY_PLAN_ID), e.g. US_902_928_FSB_2; AWS only"
        + " records the band");
    return new AwsIotConfig(appId, plan(plan),
        FlagValues.given(options.macVersion).map(AwsIotConfig::macVersion),
        Optional.ofNullable(options.supports32BitFCnt), options.all,
        options.frameCounters == null ? FrameCounters.none()
            : FrameCounters.read(options.frameCounters),
        Optional.ofNullable(options.endpointUrl).map(AwsIotConfig::checkEndpoint));
  }

  private static FrequencyPlan plan(String planId) {
    try {
      return FrequencyPlans.require(planId);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--frequency-plan-id: " + e.getMessage());
    }
  }

  private static LorawanVersions.Versions macVersion(String spelling) {
    try {
      return LorawanVersions.combined(spelling);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--mac-version: " + e.getMessage());
    }
  }

  private static URI checkEndpoint(URI endpoint) {
    String scheme = endpoint.getScheme();
    if (!("https".equals(scheme) || "http".equals(scheme)) || endpoint.getHost() == null) {
      throw new ConfigException("--endpoint-url " + endpoint
          + " is not an http(s) URL like https://api.iotwireless.us-east-1.amazonaws.com");
    }
    return endpoint;
  }
}
