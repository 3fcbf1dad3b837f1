package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A mistyped flag, command or source: the one nearest what was typed, exit code 2. */
class TyposTest {

  @Test
  void aMistypedFlagGetsTheClosestOneNotTheList() {
    CliRun.Result result = CliRun.run(Map.of(), "", "device", "--source", "ttnv3",
        "--ttnv3.no-sesion", "dev-1");
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("Unknown option: '--ttnv3.no-sesion'; did you mean"
        + " --ttnv3.no-session?"), result.stderr());
    assertFalse(result.stderr().contains("--ttnv3.app-id"), result.stderr());
  }

  @Test
  void aMistypedCommandIsNamedWithTheClosestOne() {
    CliRun.Result result = CliRun.run(Map.of(), "", "devcie", "--source", "ttnv3", "dev-1");
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertEquals("ttn-lw-migrate: unknown command \"devcie\"; did you mean device?",
        result.stderr().lines().findFirst().orElseThrow(), result.stderr());
    assertFalse(result.stderr().contains("dev-1"), result.stderr());

    CliRun.Result migrate = CliRun.run(Map.of(), "", "migrate", "aplication", "my-app");
    assertEquals(ExitCodes.USAGE, migrate.exitCode(), migrate.toString());
    assertTrue(migrate.stderr().contains("unknown command \"aplication\"; did you mean"
        + " application?"), migrate.stderr());

    CliRun.Result group = CliRun.run(Map.of(), "", "ttnv3", "gatway", "gw-1");
    assertTrue(group.stderr().contains("unknown command \"gatway\"; did you mean gateway?"),
        group.stderr());
  }

  @Test
  void aMistypedSourceGetsTheClosestOne() {
    CliRun.Result result = CliRun.run(Map.of(), "", "device", "--source", "chirpstak", "x");
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("unknown source \"chirpstak\" (did you mean"
        + " chirpstack?)"), result.stderr());
  }

  @Test
  void nothingIsSuggestedWhenNothingIsClose() {
    assertEquals(Optional.empty(), Typos.closest("frobnicate", List.of("device", "migrate")));
    CliRun.Result result = CliRun.run(Map.of(), "", "frobnicate");
    assertEquals("ttn-lw-migrate: unknown command \"frobnicate\"",
        result.stderr().lines().findFirst().orElseThrow(), result.stderr());
  }

  @Test
  void distanceCountsASwapAsOne() {
    assertEquals(1, Typos.distance("devcie", "device"));
    assertEquals(1, Typos.distance("--ttnv3.no-sesion", "--ttnv3.no-session"));
    assertEquals(0, Typos.distance("import", "import"));
    assertEquals(Optional.of("import"), Typos.closest("imprt",
        List.of("import", "import-gateways")));
  }
}
