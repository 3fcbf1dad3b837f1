package org.ttnlw.migrate.source.chirpstack;

import java.util.Locale;
import java.util.Optional;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.source.lorawan.FrequencyPlan;

/**
 * Checked settings of ChirpStack's gateways, built before any network call.
 *
 * @param connection the server, key and trust, shared with the devices
 * @param frequencyPlan the plan every gateway gets: ChirpStack gateways have none
 * @param tenantId whose gateways are listed; empty = every tenant (admin keys only)
 */
record GatewayConfig(
    ChirpStackConfig connection,
    FrequencyPlan frequencyPlan,
    GatewayIdTemplate ids,
    Optional<String> tenantId) {

  static GatewayConfig from(ChirpStackOptions options) {
    ChirpStackConfig connection = ChirpStackConfig.from(options);
    FrequencyPlan plan = connection.frequencyPlan().orElseThrow(() -> new ConfigException(
        "ChirpStack gateways have no frequency plan: set --frequency-plan-id (or"
            + " CHIRPSTACK_FREQUENCY_PLAN_ID) to the TTS plan they use, e.g. EU_863_870"));
    return new GatewayConfig(connection, plan, GatewayIdTemplate.from(options.gatewayIdTemplate),
        tenantId(options.tenantId));
  }

  private static Optional<String> tenantId(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    if (ChirpStackIds.UUID.problem(text.strip()) != null) {
      throw new ConfigException("invalid --tenant-id \"" + text + "\": a ChirpStack tenant"
          + " is named by its UUID, e.g. 52f14cd4-c6f1-4fbd-8f87-4025e1d49242");
    }
    return Optional.of(text.strip().toLowerCase(Locale.ROOT));
  }
}
