package org.ttnlw.migrate.source.awsiot;

import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iotwireless.IotWirelessClient;
import software.amazon.awssdk.services.iotwireless.IotWirelessClientBuilder;

/**
 * Builds the SDK client: credentials and region from the SDK's default chains, the endpoint
 * from --endpoint-url or the SDK's own settings, and no retries of its own, so that --retries
 * counts every attempt ({@link AwsCalls} retries with the shared backoff).
 */
final class IotWirelessClients {
  private IotWirelessClients() {}

  static IotWirelessClient create(AwsIotConfig config, CallSettings context) {
    IotWirelessClientBuilder builder = IotWirelessClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(context.callTimeout())
            .socketTimeout(context.callTimeout()))
        .overrideConfiguration(override -> override
            .retryStrategy(AwsRetryStrategy.doNotRetry())
            .apiCallAttemptTimeout(context.callTimeout()));
    config.endpoint().ifPresent(builder::endpointOverride);
    try {
      return builder.build();
    } catch (SdkClientException e) {
      throw new ConfigException("cannot set up the AWS client: " + e.getMessage()
          + " (set AWS_REGION, or a region in the AWS_PROFILE's configuration)");
    }
  }
}
