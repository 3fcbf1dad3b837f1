package org.ttnlw.migrate.source.lorawan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * TTS's frequency plans (bundled {@code frequency-plans.tsv}, from The Things Network's
 * lorawan-frequency-plans at 041ab05) and the band names sources use for regions (bundled {@code
 * region-bands.tsv}: {@code EU868}, {@code US915}, {@code AS923-1}, ...). A source that knows only
 * the band cannot know the plan (sub-band, TTN variant, dwell time), so the plan comes from the
 * operator and is checked here: that TTS has it, and that it lies in the device's band.
 */
public final class FrequencyPlans {
  private static final Map<String, FrequencyPlan> PLANS = new LinkedHashMap<>();
  private static final Map<String, String> BANDS_BY_REGION = new LinkedHashMap<>();

  static {
    for (String[] row : BundledTable.read("frequency-plans.tsv",
        "tts_frequency_plan_id", "band_id", "description", "base")) {
      PLANS.put(row[0], new FrequencyPlan(row[0], row[1], row[2]));
    }
    for (String[] row : BundledTable.read("region-bands.tsv", "region", "band_id")) {
      BANDS_BY_REGION.put(regionKey(row[0]), row[1]);
    }
  }

  private FrequencyPlans() {}

  public static Optional<FrequencyPlan> find(String planId) {
    return Optional.ofNullable(planId == null ? null : PLANS.get(planId.strip()));
  }

  /**
   * The plan with this ID, for a {@code --frequency-plan-id} flag.
   *
   * @throws IllegalArgumentException naming the ID, with the plans whose IDs resemble it
   */
  public static FrequencyPlan require(String planId) {
    return find(planId).orElseThrow(() -> new IllegalArgumentException(
        "unknown frequency plan \"" + planId + "\"" + suggestions(planId)
            + "; the TTS documentation lists the plans"));
  }

  public static List<FrequencyPlan> all() {
    return List.copyOf(PLANS.values());
  }

  /**
   * The TTS band a source's region name stands for ({@code EU868} → {@code EU_863_870}); case,
   * dashes and underscores do not matter ({@code as923_2} = {@code AS923-2}). Empty when unknown.
   */
  public static Optional<String> bandOf(String region) {
    return Optional.ofNullable(region == null ? null : BANDS_BY_REGION.get(regionKey(region)));
  }

  /**
   * Why a device whose source gives {@code region} cannot use {@code plan}, or empty when it can.
   * A region this table does not know is a problem too: the check cannot be made.
   */
  public static Optional<String> bandProblem(FrequencyPlan plan, String region) {
    Optional<String> band = bandOf(region);
    if (band.isEmpty()) {
      return Optional.of("its region \"" + region + "\" is not a band this tool knows, so frequency"
          + " plan " + plan.id() + " cannot be checked against it");
    }
    if (!band.get().equals(plan.bandId())) {
      return Optional.of("its region " + region + " is band " + band.get() + ", but frequency plan "
          + plan.id() + " is for band " + plan.bandId());
    }
    return Optional.empty();
  }

  private static String suggestions(String planId) {
    String wanted = planId == null ? "" : planId.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    if (wanted.isEmpty()) {
      return "";
    }
    Optional<String> band = bandOf(planId);
    List<String> close = PLANS.values().stream()
        .filter(plan -> band.map(plan.bandId()::equals)
            .orElse(plan.id().startsWith(wanted) || wanted.startsWith(plan.id())))
        .map(FrequencyPlan::id)
        .toList();
    return close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)";
  }

  private static String regionKey(String region) {
    return region.strip().toUpperCase(Locale.ROOT).replace('_', '-');
  }
}
