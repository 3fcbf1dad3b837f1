package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.pipeline.Outcome;

class ExitCodeMapperTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ExitCodeMapper mapper = new ExitCodeMapper(
      new PrintStream(err, true, StandardCharsets.UTF_8),
      message -> message.replace("--key", "--ttnv3.key"));

  @Test
  void eachOutcomeHasItsExitCode() {
    assertEquals(ExitCodes.OK, mapper.exitCode(() -> Outcome.OK));
    assertEquals(ExitCodes.EXPORT_FAILED, mapper.exitCode(() -> Outcome.STOPPED));
    assertEquals(ExitCodes.USAGE, mapper.exitCode(() -> Outcome.REFUSED));
    assertEquals(ExitCodes.SOME_FAILED, mapper.exitCode(() -> Outcome.SOME_FAILED));
    assertEquals(ExitCodes.INTERRUPTED, mapper.exitCode(() -> Outcome.INTERRUPTED));
    assertEquals("", stderr());
  }

  @Test
  void aConfigurationErrorIsAUsageErrorNamingTheFlagsAsTyped() {
    assertEquals(ExitCodes.USAGE, mapper.exitCode(() -> {
      throw new ConfigException("set --key");
    }));
    assertEquals("ttn-lw-migrate: set --ttnv3.key\n", stderr());
  }

  @Test
  void aFailedCallStopsTheCommand() {
    assertEquals(ExitCodes.EXPORT_FAILED, mapper.exitCode(() -> {
      throw new MigrationException("unavailable");
    }));
    assertEquals("ttn-lw-migrate: error: unavailable\n", stderr());
  }

  @Test
  void anythingElseIsLeftToPicocli() {
    assertThrows(IllegalStateException.class, () -> mapper.exitCode(() -> {
      throw new IllegalStateException("bug");
    }));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
