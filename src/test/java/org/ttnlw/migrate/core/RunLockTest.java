package org.ttnlw.migrate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
  @TempDir
  Path folder;

  @Test
  void aSecondHoldIsRefusedNamingTheFileAndTheHolderUntilTheFirstEnds() throws Exception {
    Path journal = folder.resolve("devices.json.state");
    try (RunLock first = RunLock.hold(journal, "an --output")) {
      RunLock.HeldException refused = assertThrows(RunLock.HeldException.class,
          () -> RunLock.hold(journal, "an --output"));
      assertTrue(refused.getMessage().startsWith(journal + " is in use by another run (process "
          + ProcessHandle.current().pid() + " on host "), refused.getMessage());
      assertTrue(refused.getMessage().contains("give this run an --output of its own"),
          refused.getMessage());
      assertEquals("rw-------", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(RunLock.lockFileOf(journal))));
    }
    try (RunLock again = RunLock.hold(journal, "an --output")) {
      assertTrue(Files.exists(RunLock.lockFileOf(journal)));
    }
    assertEquals("", Files.readString(RunLock.lockFileOf(journal)), "emptied at the end");
  }

  @Test
  void anotherProcessHoldingTheFileIsNamedAndItsKillFreesTheFile() throws Exception {
    Path output = folder.resolve("devices.json");
    Process holder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), RunLockHolder.class.getName(),
        output.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader said = new BufferedReader(
          new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("held", said.readLine());

      RunLock.HeldException refused = assertThrows(RunLock.HeldException.class,
          () -> RunLock.hold(output, "an --output"));
      assertTrue(refused.getMessage().contains("(process " + holder.pid() + " on host "),
          refused.getMessage());
    } finally {
      holder.destroyForcibly(); // SIGKILL: the process gets no chance to clean up
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
    }
    assertEquals(137, holder.exitValue(), "killed with kill -9");
    assertTrue(Files.readString(RunLock.lockFileOf(output)).contains("process " + holder.pid()),
        "the dead holder's lock file is left as it was");
    try (RunLock mine = RunLock.hold(output, "an --output")) {
      assertTrue(Files.readString(RunLock.lockFileOf(output))
          .startsWith("process " + ProcessHandle.current().pid()));
    }
  }

  private Process holder(String... args) throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), RunLockHolder.class.getName()));
    command.addAll(java.util.List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static String firstLine(Process process) throws Exception {
    return new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)).readLine();
  }

  @Test
  void aRunThatHasLockedButNotYetNamedItselfIsWaitedForAndNamed() throws Exception {
    Path output = folder.resolve("devices.json");
    Process starting = holder(output.toString(), "300");
    try {
      assertEquals("locked", firstLine(starting));

      RunLock.HeldException refused = assertThrows(RunLock.HeldException.class,
          () -> RunLock.hold(output, "an --output"));
      assertTrue(refused.getMessage().contains("(process " + starting.pid() + " on host test,"),
          refused.getMessage());
    } finally {
      starting.destroyForcibly();
      assertTrue(starting.waitFor(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void aHolderThatNeverNamesItselfIsRefusedAfterAMoment() throws Exception {
    Path output = folder.resolve("devices.json");
    Process silent = holder(output.toString(), "-1");
    try {
      assertEquals("locked", firstLine(silent));

      long start = System.nanoTime();
      RunLock.HeldException refused = assertThrows(RunLock.HeldException.class,
          () -> RunLock.hold(output, "an --output"));
      assertTrue(refused.getMessage().contains("(a process that is starting or ending)"),
          refused.getMessage());
      assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(1500),
          "looked again for a moment before refusing");
    } finally {
      silent.destroyForcibly();
      assertTrue(silent.waitFor(30, TimeUnit.SECONDS));
    }
  }
}
