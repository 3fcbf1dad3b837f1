package org.ttnlw.migrate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.source.SourceStep;

/** {@link RunJournal} on its own, against a state file in a temporary folder, as its Javadoc promises. */
class RunJournalTest {
  private static final DeviceRef FIRST = new DeviceRef("my-app", "first");
  private static final DeviceRef SECOND = new DeviceRef("my-app", "second");
  private static final DeviceRef THIRD = new DeviceRef("other-app", "third");

  @TempDir
  Path folder;

  private Path state() {
    return folder.resolve("devices.json.state");
  }

  private RunJournal<DeviceRef> open(RunJournal.Kind kind) throws IOException {
    return RunJournal.open(state(), kind, false, RefFormat.DEVICES);
  }

  private List<String> lines() throws IOException {
    return Files.readAllLines(state(), StandardCharsets.UTF_8);
  }

  @Test
  void eachStepIsOnDiskWhenItsCallReturnsOneLinePerStep() throws IOException {
    try (RunJournal<DeviceRef> journal = open(RunJournal.Kind.MIGRATION)) {
      journal.delivering(FIRST);
      assertEquals(List.of("# ttn-lw-migrate run journal v1 migration",
          "delivering\tmy-app\tfirst"), lines());
      journal.exported(FIRST, 120);
      assertEquals("exported\tmy-app\tfirst\t120", lines().get(2));
      journal.finished(FIRST, SourceStep.DISABLE, "downlinks-disabled");
      assertEquals("downlinks-disabled\tmy-app\tfirst", lines().get(3));
      journal.finished(SECOND, SourceStep.DELETE, "disabled");
      assertEquals("deleted\tmy-app\tsecond", lines().get(4));
      journal.finished(THIRD, SourceStep.KEEP, "disabled");
      assertEquals(5, lines().size(), "keeping the item at the source is no step of its own");
    }
  }

  @Test
  void aReRunReadsHowFarEachItemGotAndWhereTheOutputEnds() throws IOException {
    try (RunJournal<DeviceRef> journal = open(RunJournal.Kind.EXPORT)) {
      assertFalse(journal.hasEntries());
      journal.exported(FIRST, 100);
      journal.finished(FIRST, SourceStep.DISABLE, "disabled");
      journal.exported(SECOND, 250);
      journal.delivering(THIRD);
    }
    try (RunJournal<DeviceRef> again = open(RunJournal.Kind.EXPORT)) {
      assertTrue(again.hasEntries());
      assertEquals(Progress.DISABLED, again.progress(FIRST));
      assertEquals(Progress.EXPORTED, again.progress(SECOND));
      assertEquals(Progress.DELIVERING, again.progress(THIRD));
      assertEquals(Progress.NEW, again.progress(new DeviceRef("my-app", "never-seen")));
      assertEquals(Progress.NEW, again.progress(new DeviceRef("other-app", "first")),
          "the application is part of the reference");
      assertEquals(250, again.committedOutputOffset());
    }
  }

  @Test
  void anItemKeepsTheFurthestStepRecordedWhateverTheOrderOfLines() throws IOException {
    Files.writeString(state(), "# ttn-lw-migrate run journal v1\n"
        + "deleted\tmy-app\tfirst\n"
        + "exported\tmy-app\tfirst\t40\n"
        + "delivering\tmy-app\tfirst\n"
        + "handed-over\tmy-app\tsecond\n"
        + "exported\tmy-app\tsecond\t90\n");
    try (RunJournal<DeviceRef> journal = open(RunJournal.Kind.EXPORT)) {
      assertEquals(Progress.DELETED, journal.progress(FIRST));
      assertEquals(Progress.DISABLED, journal.progress(SECOND),
          "a step's own name (handed-over) counts as taken out of service");
      assertEquals(90, journal.committedOutputOffset());
    }
  }

  @Test
  void aLastLineCutShortByACrashIsAStepThatDidNotHappen() throws IOException {
    Files.writeString(state(), "# ttn-lw-migrate run journal v1\n"
        + "exported\tmy-app\tfirst\t40\n"
        + "exported\tmy-app\tsec");
    try (RunJournal<DeviceRef> journal = open(RunJournal.Kind.EXPORT)) {
      assertEquals(Progress.EXPORTED, journal.progress(FIRST));
      assertEquals(Progress.NEW, journal.progress(SECOND));
      assertEquals(40, journal.committedOutputOffset());
      journal.exported(SECOND, 80);
    }
    assertEquals("exported\tmy-app\tsecond\t80", lines().get(lines().size() - 1),
        "the next step starts a line of its own, not glued to the cut one");
    try (RunJournal<DeviceRef> again = open(RunJournal.Kind.EXPORT)) {
      assertEquals(Progress.EXPORTED, again.progress(SECOND),
          "the cut line is no damage in the middle of the journal for the run after");
      assertEquals(80, again.committedOutputOffset());
    }
  }

  @Test
  void aLastLineWithoutItsNewlineIsCutShortEvenWhenWhatIsLeftStillReads() throws IOException {
    // "exported ... 120" cut after "12": the device's line in the output ends at 120, not 12.
    Files.writeString(state(), "# ttn-lw-migrate run journal v1\n"
        + "exported\tmy-app\tfirst\t40\n"
        + "exported\tmy-app\tsecond\t12");
    try (RunJournal<DeviceRef> journal = open(RunJournal.Kind.EXPORT)) {
      assertEquals(Progress.NEW, journal.progress(SECOND),
          "its step did not complete: it is exported again, not finished at the source");
      assertEquals(40, journal.committedOutputOffset());
    }
  }

  @Test
  void aDamagedLineBeforeTheLastIsRefusedNamingFileAndLine() throws IOException {
    Files.writeString(state(), "# ttn-lw-migrate run journal v1\n"
        + "exported\tmy-app\tfirst\tnot-a-number\n"
        + "exported\tmy-app\tsecond\t80\n");
    IOException refused = assertThrows(IOException.class, () -> open(RunJournal.Kind.EXPORT));
    assertTrue(refused.getMessage().startsWith(state() + " line 2 is damaged"),
        refused.getMessage());
  }

  @Test
  void theHeaderKeepsAJournalToTheKindOfRunThatWroteIt() throws IOException {
    open(RunJournal.Kind.EXPORT).close();
    IOException refused = assertThrows(IOException.class, () -> open(RunJournal.Kind.MIGRATION));
    assertEquals(state() + " is the state file of an export; give this run another --state (or"
        + " --output)", refused.getMessage());

    Path gateways = folder.resolve("gateways.state");
    RunJournal.open(gateways, RunJournal.Kind.GATEWAY_MIGRATION, true, RefFormat.GATEWAYS)
        .close();
    IOException dryRun = assertThrows(IOException.class, () -> RunJournal.open(gateways,
        RunJournal.Kind.GATEWAY_MIGRATION, false, RefFormat.GATEWAYS));
    assertTrue(dryRun.getMessage().contains("is the state file of a dry run of a gateway"
        + " migration"), dryRun.getMessage());

    Path other = folder.resolve("notes.txt");
    Files.writeString(other, "shopping list\n");
    IOException foreign = assertThrows(IOException.class,
        () -> RunJournal.open(other, RunJournal.Kind.EXPORT, false, RefFormat.DEVICES));
    assertEquals(other + " is not a ttn-lw-migrate state file", foreign.getMessage());
    assertEquals("shopping list\n", Files.readString(other), "left as it was");
  }

  @Test
  void notesAreKeptAcrossRunsAndMustBeOneLineWithoutTabs() throws IOException {
    Path gateways = folder.resolve("gateways.state");
    GatewayRef gateway = new GatewayRef("rooftop");
    try (RunJournal<GatewayRef> journal = RunJournal.open(gateways,
        RunJournal.Kind.GATEWAY_MIGRATION, false, RefFormat.GATEWAYS)) {
      journal.note(gateway, "lns-key", "old key value");
      assertThrows(IllegalArgumentException.class, () -> journal.note(gateway, "k", "a\tb"));
      assertThrows(IllegalArgumentException.class, () -> journal.note(gateway, "k", "a\nb"));
      assertThrows(IllegalArgumentException.class, () -> journal.note(gateway, "k", "a\rb"));
      assertEquals(Optional.of("old key value"), journal.noted(gateway, "lns-key"));
    }
    try (RunJournal<GatewayRef> again = RunJournal.open(gateways,
        RunJournal.Kind.GATEWAY_MIGRATION, false, RefFormat.GATEWAYS)) {
      assertEquals(Optional.of("old key value"), again.noted(gateway, "lns-key"));
      assertEquals(Optional.empty(), again.noted(gateway, "k"));
      assertEquals(Progress.NEW, again.progress(gateway), "a note is no step");
    }
  }

  @Test
  void theStateFileIsTheOwnersOnlyForItMayHoldSecrets() throws IOException {
    open(RunJournal.Kind.GATEWAY_MIGRATION).close();
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(state())));
  }

  @Test
  void withoutAStateFileNothingIsRememberedButNotesLastTheRun() throws IOException {
    RunJournal<DeviceRef> none = RunJournal.none(RefFormat.DEVICES);
    assertFalse(none.isEnabled());
    none.delivering(FIRST);
    none.exported(FIRST, 10);
    none.finished(FIRST, SourceStep.DELETE, "disabled");
    assertEquals(Progress.NEW, none.progress(FIRST));
    assertFalse(none.hasEntries());
    none.note(FIRST, "key", "value");
    assertEquals(Optional.of("value"), none.noted(FIRST, "key"));
    none.close();
  }

  @Test
  void stepsRecordedFromManyThreadsAtOnceAreEachOneWholeLine() throws Exception {
    int count = 400;
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try (RunJournal<DeviceRef> journal = open(RunJournal.Kind.EXPORT)) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        DeviceRef ref = new DeviceRef("my-app", "device-" + i);
        done.add(threads.submit(() -> {
          journal.finished(ref, SourceStep.DISABLE, "disabled");
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdown();
    }
    List<String> lines = lines();
    assertEquals(count + 1, lines.size());
    assertEquals(count, new HashSet<>(lines.subList(1, lines.size())).size());
    assertTrue(lines.subList(1, lines.size()).stream()
        .allMatch(line -> line.matches("disabled\tmy-app\tdevice-\\d+")), lines.toString());
  }

  @Test
  void appendsToWhatAnEarlierRunWroteWithoutRewritingIt() throws IOException {
    try (RunJournal<DeviceRef> journal = open(RunJournal.Kind.EXPORT)) {
      journal.exported(FIRST, 10);
    }
    byte[] before = Files.readAllBytes(state());
    try (RunJournal<DeviceRef> journal = open(RunJournal.Kind.EXPORT)) {
      journal.exported(SECOND, 20);
    }
    byte[] after = Files.readAllBytes(state());
    assertEquals(new String(before, StandardCharsets.UTF_8),
        new String(after, 0, before.length, StandardCharsets.UTF_8));
    assertEquals(3, lines().size());
  }
}
