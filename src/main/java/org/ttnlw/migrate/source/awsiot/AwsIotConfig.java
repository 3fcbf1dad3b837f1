package org.ttnlw.migrate.source.awsiot;

import java.net.URI;
import java.util.Optional;
import org.ttnlw.migrate.source.SourceConfigException;

/** Checked settings of the awsiot source, built from {@link AwsIotOptions} before any call. */
record AwsIotConfig(
    String appId,
    String frequencyPlanId,
    Optional<String> macVersion,
    boolean all,
    FrameCounters frameCounters,
    Optional<URI> endpoint) {

  static AwsIotConfig from(AwsIotOptions options) {
    String appId = blankToNull(options.appId);
    if (appId == null) {
      throw new SourceConfigException("no TTS application ID: set --app-id (or AWSIOT_APP_ID);"
          + " AWS has no application the devices could be matched to");
    }
    String plan = blankToNull(options.frequencyPlanId);
    if (plan == null) {
      throw new SourceConfigException("no frequency plan: set --frequency-plan-id (or"
          + " AWSIOT_FREQUENCY_PLAN_ID), e.g. US_902_928_FSB_2; AWS only records the band");
    }
    return new AwsIotConfig(appId, plan, Optional.ofNullable(blankToNull(options.macVersion)),
        options.all,
        options.frameCounters == null ? FrameCounters.none()
            : FrameCounters.read(options.frameCounters),
        Optional.ofNullable(options.endpointUrl).map(AwsIotConfig::checkEndpoint));
  }

  private static URI checkEndpoint(URI endpoint) {
    String scheme = endpoint.getScheme();
    if (!("https".equals(scheme) || "http".equals(scheme)) || endpoint.getHost() == null) {
      throw new SourceConfigException("--endpoint-url " + endpoint
          + " is not an http(s) URL like https://api.iotwireless.us-east-1.amazonaws.com");
    }
    return endpoint;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
