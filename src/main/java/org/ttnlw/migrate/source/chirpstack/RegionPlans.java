package org.ttnlw.migrate.source.chirpstack;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ttnlw.migrate.chirpstack.proto.Region;
import org.ttnlw.migrate.source.lorawan.BundledTable;
import org.ttnlw.migrate.source.lorawan.FrequencyPlan;
import org.ttnlw.migrate.source.lorawan.FrequencyPlans;

/**
 * The TTS frequency plan of a device profile, from its region and region configuration by the
 * bundled {@code frequency-plans.tsv}: ChirpStack's shipped configurations (e.g. {@code us915_1}
 * → {@code US_902_928_FSB_2}), and for regions with one usual plan also no configuration. A
 * configuration the table does not have (a custom channel set, or a US915 profile that allows
 * any sub-band) has no plan: the operator must name one.
 */
final class RegionPlans {
  private record Key(Region region, String configId) {}

  private static final Map<Key, FrequencyPlan> PLANS = new HashMap<>();

  static {
    for (String[] row : BundledTable.read(RegionPlans.class, "frequency-plans.tsv",
        "region", "region_config_id", "tts_frequency_plan_id")) {
      PLANS.put(new Key(Region.valueOf(row[0]), row[1]), FrequencyPlans.require(row[2]));
    }
  }

  private RegionPlans() {}

  static Optional<FrequencyPlan> of(Region region, String configId) {
    return Optional.ofNullable(PLANS.get(new Key(region, configId.strip())));
  }

  /**
   * The plan for a device: the operator's for every device when given (it must be of the
   * device's band), else the table's.
   *
   * @throws DeviceMappingException when there is no plan, or the operator's is of another band
   */
  static FrequencyPlan choose(String devEui, Region region, String configId,
      Optional<FrequencyPlan> override) {
    if (override.isPresent()) {
      FrequencyPlans.bandProblem(override.get(), region.name()).ifPresent(problem -> {
        throw new DeviceMappingException(devEui, problem + "; pass a --frequency-plan-id of that"
            + " band, or export such devices separately");
      });
      return override.get();
    }
    return of(region, configId).orElseThrow(() -> new DeviceMappingException(devEui,
        "no TTS frequency plan is known for its device profile's region " + region.name()
            + (configId.isBlank() ? " without a region configuration"
                : " with region configuration \"" + configId + "\"")
            + "; pass --frequency-plan-id with the plan its gateways use, e.g. "
            + example(region)));
  }

  private static String example(Region region) {
    return FrequencyPlans.bandOf(region.name())
        .flatMap(band -> FrequencyPlans.all().stream()
            .filter(plan -> plan.bandId().equals(band)).findFirst())
        .map(FrequencyPlan::id)
        .orElse("EU_863_870");
  }
}
