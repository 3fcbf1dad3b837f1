package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS trouble with the target names the target's flags ({@code --target.ca-file},
 * {@code --target.insecure}), never the source's, for {@code migrate device} in both forms and for
 * {@code import}.
 */
class TargetTlsMessagesTest {
  @TempDir
  Path folder;

  /** Runs each command against {@code tts} with the environment changed by {@code change}. */
  private List<CliRun.Result> runEach(TwoDeployments tts, Consumer<Map<String, String>> change,
      String... extraArgs) throws Exception {
    CliRun.Result export = tts.run("device", "--source", "ttnv3", "my-device", "--dry-run");
    assertEquals(ExitCodes.OK, export.exitCode(), export.toString());
    Path file = Files.writeString(folder.resolve("devices.json"), export.stdout());
    Map<String, String> environment = tts.environment();
    change.accept(environment);
    List<CliRun.Result> results = new ArrayList<>();
    for (List<String> command : List.of(
        List.of("migrate", "device", "--source", "ttnv3", "my-device"),
        List.of("ttnv3", "migrate", "device", "my-device"),
        List.of("import", file.toString()))) {
      List<String> args = new ArrayList<>(command);
      args.addAll(List.of(extraArgs));
      results.add(CliRun.run(environment, "", args.toArray(String[]::new)));
    }
    assertEquals(List.of(), tts.source.writes(), "nothing changed at the source");
    return results;
  }

  private static void assertAdvice(CliRun.Result result, String advice) {
    assertTrue(result.stderr().contains(advice), result.toString());
    assertFalse(result.stderr().contains("--ttnv3.") || result.stderr().contains(" --ca-file")
        || result.stderr().contains(" --insecure"), "a source flag named: " + result);
    assertFalse(result.stderr().contains("\tat "), result.toString());
    assertFalse(result.exitCode() == ExitCodes.OK, result.toString());
  }

  @Test
  void anUnknownTargetCaNamesTheTargetsCaFileFlag() throws Exception {
    try (TwoDeployments tts = new TwoDeployments(0)) {
      for (CliRun.Result result : runEach(tts, environment -> environment.remove("TARGET_CA_FILE"))) {
        assertAdvice(result, "not signed by a CA this machine trusts: give the CA certificate"
            + " (PEM) with --target.ca-file");
      }
    }
  }

  @Test
  void tlsAgainstAPlaintextTargetSuggestsTheTargetsInsecureFlag() throws Exception {
    try (TwoDeployments tts = TwoDeployments.withPlaintextTarget(0)) {
      for (CliRun.Result result : runEach(tts, environment -> environment.remove("TARGET_INSECURE"),
          "--retries", "0")) {
        assertAdvice(result, "the server does not speak TLS: if it serves plaintext on purpose (a"
            + " local or private deployment), connect with --target.insecure");
      }
    }
  }

  @Test
  void insecureAgainstATlsTargetSaysToLeaveOutTheTargetsInsecureFlag() throws Exception {
    try (TwoDeployments tts = new TwoDeployments(0)) {
      for (CliRun.Result result : runEach(tts, environment -> environment.remove("TARGET_CA_FILE"),
          "--target.insecure", "--retries", "0")) {
        assertAdvice(result, "it probably expects TLS; leave out --target.insecure (and give"
            + " --target.ca-file if its CA is private)");
      }
    }
  }
}
