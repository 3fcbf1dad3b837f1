package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.pipeline.Outcome;

class ExitCodeMapperTest {
  private final List<String> ended = new ArrayList<>();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ExitCodeMapper mapper = new ExitCodeMapper(
      new PrintStream(err, true, StandardCharsets.UTF_8),
      message -> message.replace("--key", "--ttnv3.key"));

  @Test
  void eachOutcomeHasItsExitCode() {
    assertEquals(ExitCodes.OK, mapper.exitCode(() -> Outcome.OK, ended::add));
    assertEquals(ExitCodes.EXPORT_FAILED, mapper.exitCode(() -> Outcome.STOPPED, ended::add));
    assertEquals(ExitCodes.USAGE, mapper.exitCode(() -> Outcome.REFUSED, ended::add));
    assertEquals(ExitCodes.SOME_FAILED, mapper.exitCode(() -> Outcome.SOME_FAILED, ended::add));
    assertEquals(ExitCodes.INTERRUPTED, mapper.exitCode(() -> Outcome.INTERRUPTED, ended::add));
    assertEquals("", stderr());
    assertEquals(List.of(), ended);
  }

  @Test
  void aConfigurationErrorIsAUsageErrorNamingTheFlagsAsTyped() {
    assertEquals(ExitCodes.USAGE, mapper.exitCode(() -> {
      throw new ConfigException("set --key");
    }, ended::add));
    assertEquals("ttn-lw-migrate: set --ttnv3.key\n", stderr());
    assertEquals(List.of("set --ttnv3.key"), ended);
  }

  @Test
  void aFailedCallStopsTheCommand() {
    assertEquals(ExitCodes.EXPORT_FAILED, mapper.exitCode(() -> {
      throw new MigrationException("unavailable");
    }, ended::add));
    assertEquals("ttn-lw-migrate: error: unavailable\n", stderr());
    assertEquals(List.of("unavailable"), ended);
  }

  @Test
  void anythingElseIsLeftToPicocli() {
    assertThrows(IllegalStateException.class, () -> mapper.exitCode(() -> {
      throw new IllegalStateException("bug");
    }, ended::add));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
