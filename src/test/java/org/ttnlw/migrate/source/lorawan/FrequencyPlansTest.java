package org.ttnlw.migrate.source.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrequencyPlansTest {

  @Test
  void theBundledTableHoldsEveryPlanOfTheFrequencyPlanFile() {
    assertEquals(71, FrequencyPlans.all().size());
    FrequencyPlan plan = FrequencyPlans.require("US_902_928_FSB_2");
    assertEquals("US_902_928", plan.bandId());
    assertTrue(plan.description().startsWith("TTN Community Network"), plan.description());
  }

  @Test
  void anUnknownPlanIsRefusedWithPlansThatResembleIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FrequencyPlans.require("US_902_928"));
    assertTrue(e.getMessage().contains("unknown frequency plan \"US_902_928\""), e.getMessage());
    assertTrue(e.getMessage().contains("US_902_928_FSB_1"), e.getMessage());
    assertTrue(FrequencyPlans.find("eu_863_870").isEmpty(), "plan IDs are case-sensitive");
  }

  @Test
  void aBandNameGivenAsPlanSuggestsThePlansOfTheBand() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FrequencyPlans.require("EU868"));
    assertTrue(e.getMessage().contains("EU_863_870, EU_863_870_TTN, EU_863_870_ROAMING_DRAFT,"
        + " EU_868_1"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"EU868, EU_863_870", "eu868, EU_863_870", "US915, US_902_928",
      "AU915, AU_915_928", "AS923-1, AS_923", "AS923, AS_923", "AS923-2, AS_923_2",
      "AS923_3, AS_923_3", "AS923-4, AS_923_4", "KR920, KR_920_923", "IN865, IN_865_867",
      "CN470, CN_470_510", "RU864, RU_864_870", "europe863, EU_863_870"})
  void regionNamesOfTheSourcesMapToTtsBands(String region, String band) {
    assertEquals(Optional.of(band), FrequencyPlans.bandOf(region));
  }

  @Test
  void thePlanMustLieInTheDevicesBand() {
    FrequencyPlan eu = FrequencyPlans.require("EU_863_870_TTN");
    assertTrue(FrequencyPlans.bandProblem(eu, "EU868").isEmpty());
    String clash = FrequencyPlans.bandProblem(eu, "US915").orElseThrow();
    assertTrue(clash.contains("US915 is band US_902_928, but frequency plan EU_863_870_TTN is for"
        + " band EU_863_870"), clash);
    FrequencyPlan jp = FrequencyPlans.require("AS_920_923_TTN_JP_1");
    assertTrue(FrequencyPlans.bandProblem(jp, "AS923-1").isEmpty());
    assertTrue(FrequencyPlans.bandProblem(jp, "AS923-2").isPresent());
    assertTrue(FrequencyPlans.bandProblem(FrequencyPlans.require("IL_917_920_TTN"), "AS923-4")
        .isEmpty());
    String unknown = FrequencyPlans.bandProblem(eu, "MARS433").orElseThrow();
    assertTrue(unknown.contains("\"MARS433\" is not a band this tool knows"), unknown);
  }
}
