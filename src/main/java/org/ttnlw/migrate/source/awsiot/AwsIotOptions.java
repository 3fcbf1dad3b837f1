package org.ttnlw.migrate.source.awsiot;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The flags of the AWS IoT Core for LoRaWAN source. Credentials and region are not among them:
 * they come from the AWS SDK's own chains (AWS_PROFILE, AWS_REGION, the AWS_ACCESS_KEY_ID group,
 * SSO, container and instance roles), like every AWS tool.
 */
public final class AwsIotOptions {
  @Option(names = "--app-id", paramLabel = "ID",
      description = "TTS application ID the devices are exported into (AWS has no such ID).")
  String appId;

  @Option(names = "--frequency-plan-id", paramLabel = "PLAN",
      description = "TTS frequency plan of every exported device, e.g. US_902_928_FSB_2. AWS"
          + " only gives the band (RfRegion); a plan of another band stops the device.")
  String frequencyPlanId;

  @Option(names = "--mac-version", paramLabel = "VERSION",
      description = "LoRaWAN MAC and Regional Parameters versions for every device, e.g. 1.0.3a"
          + " or 1.0.2b, instead of the device profile's MacVersion and RegParamsRevision.")
  String macVersion;

  @Option(names = "--supports-32-bit-f-cnt", paramLabel = "true|false", arity = "1",
      description = "Whether LoRaWAN 1.0.x devices use 32-bit frame counters, instead of the"
          + " profile's Supports32BitFCnt (left unset when the profile does not say). LoRaWAN 1.1"
          + " devices always do.")
  Boolean supports32BitFCnt;

  @Option(names = "--all",
      description = "`application` exports every LoRaWAN device of the account and region;"
          + " without it, `application` takes destination names.")
  boolean all;

  @Option(names = "--frame-counters", paramLabel = "FILE",
      description = "CSV of DevEUI,FCntUp,FCntDown: the current frame counters of ABP devices,"
          + " which AWS does not expose. ABP devices not in it are exported with"
          + " mac_settings.resets_f_cnt=true and a warning.")
  Path frameCounters;

  @Option(names = "--delete-source-device",
      description = "Delete each device from AWS IoT Core (DeleteWirelessDevice) once its JSON is"
          + " written. Without it AWS is not changed and the devices stay live there.")
  boolean deleteSourceDevice;

  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "IoT Wireless endpoint instead of the region's (a VPC endpoint, or a local"
          + " fake). AWS_ENDPOINT_URL_IOT_WIRELESS, read by the AWS SDK, does the same.")
  URI endpointUrl;
}
