package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated completion script, run in bash with COMP_WORDS set as bash sets it. */
class CompletionScriptTest {
  @TempDir
  static Path folder;
  private static Path script;

  @BeforeAll
  static void write() throws IOException {
    script = folder.resolve("ttn-lw-migrate.bash");
    Files.writeString(script, CompletionScript.bash(Cli.whole(new Io(Map.of(),
        java.io.InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream(),
        System.err, new org.ttnlw.migrate.core.StopSignal()))), StandardCharsets.UTF_8);
  }

  /** The candidates bash would offer after {@code words}, the last being the one completed. */
  private static List<String> complete(String... words) throws Exception {
    StringBuilder array = new StringBuilder();
    for (String word : words) {
      array.append(" '").append(word).append('\'');
    }
    String driver = "source '" + script + "'\nCOMP_WORDS=(" + array + ")\nCOMP_CWORD="
        + (words.length - 1) + "\n_ttn_lw_migrate\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process bash = new ProcessBuilder("bash", "--norc", "-c", driver).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    bash.waitFor(20, TimeUnit.SECONDS);
    assertEquals(0, bash.exitValue(), err);
    assertEquals("", err);
    return out.lines().filter(line -> !line.isEmpty()).toList();
  }

  @Test
  void completesCommandsAndSubcommands() throws Exception {
    assertEquals(List.of("device"), complete("ttn-lw-migrate", "dev"));
    assertEquals(List.of("device", "application", "gateway"),
        complete("ttn-lw-migrate", "migrate", ""));
    assertEquals(List.of("migrate"), complete("ttn-lw-migrate", "chirpstack", "mig"));
  }

  @Test
  void completesSourceNamesAndAliases() throws Exception {
    assertEquals(List.of("ttnv3", "tts", "chirpstack", "firefly", "wanesy", "awsiot", "aws-iot",
        "csv"), complete("ttn-lw-migrate", "device", "--source", ""));
    assertEquals(List.of("ttnv3", "tts", "chirpstack"),
        complete("ttn-lw-migrate", "gateway", "--source", ""));
  }

  @Test
  void completesOnlyTheCommandsOwnFlagsAndTheGivenSources() throws Exception {
    assertEquals(List.of("--ttnv3.no-session"),
        complete("ttn-lw-migrate", "device", "--source", "ttnv3", "--ttnv3.no-se"));
    assertEquals(List.of("--ttnv3.no-session"),
        complete("ttn-lw-migrate", "device", "--source=tts", "--ttnv3.no-se"));
    assertEquals(List.of(), complete("ttn-lw-migrate", "device", "--source", "ttnv3",
        "--chirpstack."));
    assertEquals(List.of(), complete("ttn-lw-migrate", "device", "--ttnv3."));
    assertEquals(List.of("--no-session"), complete("ttn-lw-migrate", "ttnv3", "device", "--no-"));
    assertEquals(List.of(), complete("ttn-lw-migrate", "device", "--source", "ttnv3",
        "--with-gat"));
    assertEquals(List.of("--with-gateways"), complete("ttn-lw-migrate", "migrate",
        "application", "--source", "ttnv3", "--with-gat"));
    assertEquals(List.of("--source"), complete("ttn-lw-migrate", "application", "--sou"));
  }
}
