package org.ttnlw.migrate.source.awsiot;

import java.util.List;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.IdSyntax;
import org.ttnlw.migrate.source.Disabling;
import org.ttnlw.migrate.source.ListsAllPlugin;
import org.ttnlw.migrate.source.ListsAllSource;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.SourceStep;

/** AWS IoT Core for LoRaWAN, through the AWS SDK for Java. */
public final class AwsIotSourcePlugin implements ListsAllPlugin<AwsIotOptions> {
  @Override
  public String name() {
    return "awsiot";
  }

  @Override
  public List<String> aliases() {
    return List.of("aws-iot");
  }

  @Override
  public String description() {
    return "AWS IoT Core for LoRaWAN (IoT Wireless), with the AWS SDK's credentials and region";
  }

  @Override
  public List<String> environmentPrefixes() {
    return List.of("AWSIOT_");
  }

  @Override
  public AwsIotOptions newOptions() {
    return new AwsIotOptions();
  }

  @Override
  public MigrationChoices choices(AwsIotOptions options) {
    // AWS has no "disable": a device is either left live there, or deleted.
    return new MigrationChoices(false,
        options.deleteSourceDevice ? SourceStep.DELETE : SourceStep.KEEP, Disabling.DEVICE);
  }

  /** Wireless device IDs (UUIDs in practice) or DevEUIs, 16 hex digits in any case. */
  @Override
  public IdSyntax deviceIds() {
    return AwsIotIds.DEVICE;
  }

  /** Destination names, as AWS allows them. */
  @Override
  public IdSyntax applicationIds() {
    return AwsIotIds.DESTINATION;
  }

  @Override
  public boolean exportsAll(AwsIotOptions options) {
    return options.all;
  }

  @Override
  public ListsAllSource open(AwsIotOptions options, CallSettings context) {
    AwsIotConfig config = AwsIotConfig.from(options);
    return new AwsIotSource(config, new AwsCalls(IotWirelessClients.create(config, context),
        context));
  }
}
