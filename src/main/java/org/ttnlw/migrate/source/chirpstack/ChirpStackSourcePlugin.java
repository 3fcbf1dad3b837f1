package org.ttnlw.migrate.source.chirpstack;

import java.util.List;
import java.util.Optional;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.IdSyntax;
import org.ttnlw.migrate.source.ApplicationSettingsSource;
import org.ttnlw.migrate.source.DeviceFact;
import org.ttnlw.migrate.source.Disabling;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.GatewaysPlugin;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.SettingsPlugin;
import org.ttnlw.migrate.source.SelectingPlugin;
import org.ttnlw.migrate.source.SelectingSource;
import org.ttnlw.migrate.source.SourceStep;

/** ChirpStack v4, over its gRPC API. */
public final class ChirpStackSourcePlugin
    implements GatewaysPlugin<ChirpStackOptions>, SettingsPlugin<ChirpStackOptions>,
    SelectingPlugin<ChirpStackOptions> {
  @Override
  public String name() {
    return "chirpstack";
  }

  @Override
  public List<String> aliases() {
    return List.of();
  }

  @Override
  public String description() {
    return "ChirpStack v4, over its gRPC API: devices by DevEUI, or whole applications by UUID;"
        + " gateways by EUI";
  }

  @Override
  public List<String> environmentPrefixes() {
    return List.of("CHIRPSTACK_");
  }

  @Override
  public ChirpStackOptions newOptions() {
    return new ChirpStackOptions();
  }

  @Override
  public IdSyntax deviceIds() {
    return ChirpStackIds.DEV_EUI;
  }

  @Override
  public IdSyntax applicationIds() {
    return ChirpStackIds.UUID;
  }

  @Override
  public MigrationChoices choices(ChirpStackOptions options) {
    return new MigrationChoices(options.noSession,
        options.deleteSourceDevice ? SourceStep.DELETE : SourceStep.DISABLE, Disabling.DEVICE);
  }

  @Override
  public SelectingSource open(ChirpStackOptions options, CallSettings context) {
    return new ChirpStackSource(ChirpStackConfig.from(options), context);
  }

  /**
   * The device list holds the tags, the profile's name and the last activity; activation and
   * region are the profile's, read once per profile.
   */
  @Override
  public Optional<String> unlisted(DeviceFact fact) {
    return fact == DeviceFact.MODEL ? Optional.of("ChirpStack devices have no Device Repository"
        + " brand and model (select by profile:NAME or attribute:KEY=VALUE for a tag)")
        : Optional.empty();
  }

  @Override
  public ApplicationSettingsSource openApplicationSettings(ChirpStackOptions options,
      CallSettings context) {
    return new ChirpStackSettings(ChirpStackConfig.from(options), context);
  }

  @Override
  public IdSyntax gatewayIds() {
    return ChirpStackIds.GATEWAY_EUI;
  }

  @Override
  public boolean deletesSourceGateways(ChirpStackOptions options) {
    return options.deleteSourceGateway;
  }

  @Override
  public GatewaySource openGateways(ChirpStackOptions options, CallSettings context) {
    return new ChirpStackGatewaySource(GatewayConfig.from(options), context);
  }
}
