package org.ttnlw.migrate.source.firefly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FireflyConfigTest {
  private static final String KEY = "firefly-secret-key-4711";

  @Test
  void theKeyReachesTheApiButNotToString() {
    FireflyOptions options = new FireflyOptions();
    new CommandLine(options).parseArgs("--host", "127.0.0.1:8080", "--use-http",
        "--api-key", KEY, "--app-id", "app1", "--frequency-plan-id", "EU_863_870", "--mac-version", "1.0.2b");

    FireflyConfig config = FireflyConfig.from(options);

    assertEquals(KEY, config.apiKey());
    assertFalse(config.toString().contains(KEY), config.toString());
  }
}
