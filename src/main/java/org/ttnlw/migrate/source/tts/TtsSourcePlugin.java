package org.ttnlw.migrate.source.tts;

import java.util.List;
import java.util.Optional;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.source.ApplicationSettingsSource;
import org.ttnlw.migrate.source.Disabling;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.GatewaysPlugin;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.SettingsPlugin;
import org.ttnlw.migrate.source.DeviceFact;
import org.ttnlw.migrate.source.SelectingPlugin;
import org.ttnlw.migrate.source.SelectingSource;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.tts.TtsConnection;

/** The Things Stack (v3): Community Edition, Cloud, Enterprise or open source. */
public final class TtsSourcePlugin
    implements GatewaysPlugin<TtsOptions>, SettingsPlugin<TtsOptions>,
    SelectingPlugin<TtsOptions> {
  @Override
  public String name() {
    return "ttnv3";
  }

  @Override
  public List<String> aliases() {
    return List.of("tts");
  }

  @Override
  public String description() {
    return "The Things Stack (v3): Community Edition, Cloud and self-hosted deployments, over gRPC";
  }

  @Override
  public List<String> environmentPrefixes() {
    return List.of("TTNV3_", "TTS_");
  }

  @Override
  public TtsOptions newOptions() {
    return new TtsOptions();
  }

  @Override
  public MigrationChoices choices(TtsOptions options) {
    return new MigrationChoices(options.noSession,
        options.deleteSourceDevice ? SourceStep.DELETE : SourceStep.DISABLE,
        Disabling.DOWNLINKS);
  }

  @Override
  public SelectingSource open(TtsOptions options, CallSettings context) {
    return new TtsSource(TtsConfig.from(options), context);
  }

  /** The Identity Server lists attributes, version IDs and the last activity. */
  @Override
  public Optional<String> unlisted(DeviceFact fact) {
    return switch (fact) {
      case ATTRIBUTES, MODEL, LAST_SEEN -> Optional.empty();
      case PROFILE -> Optional.of("TTS devices have no device profile (select by"
          + " model:BRAND/MODEL, or attribute:KEY=VALUE)");
      case FREQUENCY_PLAN, ACTIVATION -> Optional.of("only the Network Server holds it, device"
          + " by device, and the Identity Server's device list does not (select by"
          + " attribute:KEY=VALUE, model:BRAND/MODEL or last activity)");
    };
  }

  @Override
  public boolean deletesSourceGateways(TtsOptions options) {
    return options.deleteSourceGateway;
  }

  @Override
  public GatewaySource openGateways(TtsOptions options, CallSettings context) {
    return new TtsGatewaySource(TtsConnection.forGateways(options.connection, "--", "TTNV3_"),
        options.withSecrets, context);
  }

  @Override
  public ApplicationSettingsSource openApplicationSettings(TtsOptions options,
      CallSettings context) {
    return new SettingsExport(options.checkedConnection(), context);
  }
}
