package org.ttnlw.migrate.source.awsiot;

import org.ttnlw.migrate.sim.awsiot.IotWirelessFake;

/**
 * Points the AWS SDK's default chains at the fake's static credentials and region through the
 * SDK's system properties (aws.accessKeyId, aws.secretAccessKey, aws.region), which it reads
 * before the environment, so no test depends on the machine's AWS configuration.
 */
public final class AwsTestSettings {
  private AwsTestSettings() {}

  public static void install() {
    IotWirelessFake.useAsDefaultCredentials();
  }
}
