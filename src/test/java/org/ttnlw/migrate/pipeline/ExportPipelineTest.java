package org.ttnlw.migrate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.core.StopSignal;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.source.SourceStep;

/**
 * {@link ExportPipeline} on its own, with in-memory fakes for the source's reads, the delivery,
 * the source steps and the report, and a real {@link LineWriter} and {@link RunJournal}: each
 * promise of its Javadoc.
 */
@Timeout(60)
class ExportPipelineTest {
  private static final String APP = "my-app";

  @TempDir
  Path folder;

  /** What happened, in order, across the fakes: "read a", "deliver a", "step a", "skipped a". */
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final StopSignal stop = new StopSignal();
  private final List<Boolean> allWritten = Collections.synchronizedList(new ArrayList<>());

  private Function<DeviceRef, CompletableFuture<EndDevice>> reads =
      ref -> CompletableFuture.completedFuture(device(ref));
  private final FakeDelivery delivery = new FakeDelivery();
  private final FakeSteps steps = new FakeSteps();
  private final RecordingReport report = new RecordingReport();
  private LineWriter writer = LineWriter.toStream(stdout);
  private RunJournal<DeviceRef> journal = RunJournal.none(RefFormat.DEVICES);

  private static DeviceRef ref(String id) {
    return new DeviceRef(APP, id);
  }

  private static EndDevice device(DeviceRef ref) {
    return EndDevice.newBuilder().setIds(EndDeviceIdentifiers.newBuilder()
        .setDeviceId(ref.deviceId())
        .setApplicationIds(ApplicationIdentifiers.newBuilder()
            .setApplicationId(ref.applicationId())))
        .build();
  }

  private static List<String> idsIn(String jsonLines) {
    return jsonLines.lines()
        .map(line -> TtsJson.instance().merge(line, EndDevice.newBuilder()).getIds().getDeviceId())
        .toList();
  }

  private List<String> output() {
    return idsIn(stdout.toString(StandardCharsets.UTF_8));
  }

  private List<String> events(String kind) {
    synchronized (events) {
      return events.stream().filter(event -> event.startsWith(kind + " "))
          .map(event -> event.substring(kind.length() + 1)).toList();
    }
  }

  private ExportPipeline<DeviceRef, EndDevice> pipeline(int concurrency, boolean continueOnError) {
    Function<DeviceRef, CompletableFuture<EndDevice>> reader = ref -> {
      events.add("read " + ref.deviceId());
      return reads.apply(ref);
    };
    return new ExportPipeline<>("device", reader, item -> item, delivery, writer, steps, journal,
        new ExportPipeline.Settings(concurrency, continueOnError, stop, RunProgress.NONE,
            whole -> {
              allWritten.add(whole);
              steps.allWritten(whole);
            }));
  }

  private ExportSummary run(int concurrency, boolean continueOnError, String... ids) {
    return pipeline(concurrency, continueOnError)
        .run(Stream.of(ids).map(ExportPipelineTest::ref).iterator(), report);
  }

  private ExportFailedException failedRun(int concurrency, String... ids) {
    return assertThrows(ExportFailedException.class, () -> run(concurrency, false, ids));
  }

  private static Executor after(long millis) {
    return CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS);
  }

  private static <T> CompletableFuture<T> failed(String message) {
    return CompletableFuture.failedFuture(new IllegalStateException(message));
  }

  // ---- order and concurrency

  @Test
  void theOutputKeepsTheInputOrderWhenLaterItemsAreReadFirst() {
    List<String> ids = List.of("d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7");
    AtomicInteger reading = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    reads = ref -> {
      mostAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
      long millis = 40L * (8 - Integer.parseInt(ref.deviceId().substring(1)));
      return CompletableFuture.supplyAsync(() -> {
        reading.decrementAndGet();
        return device(ref);
      }, after(millis));
    };

    ExportSummary summary = run(4, false, ids.toArray(String[]::new));

    assertEquals(ids, output());
    assertEquals(ids, events("step"), "the source steps follow the output order here");
    assertEquals(8, summary.exported());
    assertEquals(8, summary.disabled());
    assertTrue(mostAtOnce.get() <= 4, "at most --concurrency reads at once: " + mostAtOnce);
    assertTrue(mostAtOnce.get() >= 2, "reads overlap: " + mostAtOnce);
    assertEquals(List.of(true), allWritten);
  }

  @Test
  void aStepThatWaitsDoesNotHoldBackTheOthersAndIsToldWhenAllIsWritten() {
    steps.waits = true;
    steps.held = true;

    ExportSummary summary = run(1, false, "a", "b", "c");

    assertEquals(List.of("a", "b", "c"), output());
    assertEquals(List.of(true), allWritten, "told once, that the whole input is written");
    assertEquals(List.of("a", "b", "c"), steps.completedAfterAllWritten,
        "every source step was still waiting when all was written");
    assertEquals(3, summary.disabled());
  }

  @Test
  void withoutWaitingTheNextItemIsReadOnlyOnceTheSourceStepOfTheLastIsDone() {
    run(1, false, "a", "b");

    assertEquals(List.of("read a", "deliver a", "step a", "read b", "deliver b", "step b"),
        events);
  }

  // ---- the journal: before each step, and as soon as a step is done

  @Test
  void eachStepIsRecordedAndSyncedBeforeTheNextStarts() throws IOException {
    Path state = folder.resolve("devices.json.state");
    Path out = folder.resolve("devices.json");
    journal = RunJournal.open(state, RunJournal.Kind.MIGRATION, false, RefFormat.DEVICES);
    writer = LineWriter.toFile(out, journal, "devices");
    delivery.beforeDelivering = item -> assertTrue(read(state)
        .contains("delivering\t" + APP + "\t" + item.getIds().getDeviceId() + "\n"),
        "the journal records the delivery before the target is changed: " + read(state));
    steps.beforeStep = ref -> {
      String written = read(out);
      assertTrue(idsIn(written).contains(ref.deviceId()),
          "the JSON is on disk before the source is changed: " + written);
      assertTrue(read(state).contains("exported\t" + APP + "\t" + ref.deviceId() + "\t"),
          "the journal records the line before the source is changed: " + read(state));
    };

    run(2, false, "a", "b", "c");
    journal.close();
    writer.close();

    assertEquals(3, delivery.checked.get(), "every delivery was checked");
    assertEquals(3, steps.checked.get(), "every source step was checked");
    List<String> lines = Files.readAllLines(state);
    long size = Files.size(out);
    assertTrue(lines.contains("exported\t" + APP + "\tc\t" + size), lines.toString());
    for (String id : List.of("a", "b", "c")) {
      assertTrue(lines.indexOf("delivering\t" + APP + "\t" + id)
          < lines.indexOf("disabled\t" + APP + "\t" + id), lines.toString());
    }
  }

  @Test
  void aSourceStepIsRecordedAsSoonAsItIsDoneWhateverTheOutputOrder() throws Exception {
    Path state = folder.resolve("devices.json.state");
    journal = RunJournal.open(state, RunJournal.Kind.EXPORT, false, RefFormat.DEVICES);
    steps.held = true;
    CompletableFuture<ExportSummary> running = CompletableFuture.supplyAsync(
        () -> run(2, false, "a", "b"));
    steps.awaitStarted(2);

    steps.complete("b");
    assertTrue(read(state).contains("disabled\t" + APP + "\tb\n"), read(state));
    assertFalse(read(state).contains("disabled\t" + APP + "\ta"), read(state));
    steps.complete("a");

    assertEquals(2, running.get(30, TimeUnit.SECONDS).disabled());
    journal.close();
  }

  // ---- resume

  @Test
  void aReRunSkipsWhatIsCompleteFinishesWhatIsWrittenAndDeliversAgainWhatWasStarted()
      throws IOException {
    Path state = folder.resolve("devices.json.state");
    Files.writeString(state, "# ttn-lw-migrate run journal v1 migration\n"
        + "delivering\tmy-app\tdone\nexported\tmy-app\tdone\t10\ndisabled\tmy-app\tdone\n"
        + "delivering\tmy-app\twritten\nexported\tmy-app\twritten\t20\n"
        + "delivering\tmy-app\tstarted\n");
    journal = RunJournal.open(state, RunJournal.Kind.MIGRATION, false, RefFormat.DEVICES);

    ExportSummary summary = run(2, false, "done", "written", "started", "new");
    journal.close();

    assertEquals(List.of("started", "new"), events("read"));
    assertEquals(List.of("started", "new"), output());
    assertEquals(List.of("started (resumed)", "new"), events("deliver"));
    assertEquals(List.of("written", "started", "new"), events("step"));
    assertEquals(List.of("done"), events("already-done"));
    assertEquals(Stream.of("skipped done", "finished written earlier", "delivered started",
        "delivered new", "finished started", "finished new").sorted().toList(),
        report.all.stream().sorted().toList());
    assertEquals(1, summary.skipped());
    assertEquals(1, summary.resumed());
    assertEquals(2, summary.exported());
    assertEquals(3, summary.disabled());
    assertEquals(1, Files.readAllLines(state).stream()
        .filter(line -> line.equals("delivering\tmy-app\tstarted")).count(),
        "a resumed delivery is not recorded again");
  }

  @Test
  void aDisabledItemIsNotCompleteForARunThatDeletes() throws IOException {
    Path state = folder.resolve("devices.json.state");
    Files.writeString(state, "# ttn-lw-migrate run journal v1\n"
        + "exported\tmy-app\tdone\t10\ndisabled\tmy-app\tdone\n");
    journal = RunJournal.open(state, RunJournal.Kind.EXPORT, false, RefFormat.DEVICES);
    steps.step = SourceStep.DELETE;

    ExportSummary summary = run(1, false, "done");
    journal.close();

    assertEquals(List.of(), events("read"));
    assertEquals(List.of("done"), events("step"));
    assertEquals(1, summary.deleted());
    assertTrue(Files.readAllLines(state).contains("deleted\tmy-app\tdone"));
  }

  // ---- stop

  @Test
  void aStopFinishesTheItemsInFlightAndStartsNoNewOne() {
    reads = ref -> {
      if (ref.deviceId().equals("b")) {
        stop.request();
      }
      return CompletableFuture.supplyAsync(() -> device(ref), after(100));
    };

    ExportSummary summary = run(2, false, "a", "b", "c", "d");

    assertEquals(List.of("a", "b"), events("read"));
    assertEquals(List.of("a", "b"), output());
    assertEquals(List.of("a", "b"), events("step"));
    assertTrue(summary.interrupted());
    assertEquals(List.of(), summary.failures());
    assertEquals(List.of(false), allWritten);
  }

  // ---- failures

  @Test
  void theFirstFailureStopsTheRunAfterWaitingForDeliveriesInFlightWithoutWritingThem() {
    Map<String, CompletableFuture<Delivery.Delivered<EndDevice>>> answers = Map.of(
        "a", CompletableFuture.<Delivery.Delivered<EndDevice>>supplyAsync(() -> {
          throw new IllegalStateException("device my-app/a: the target refused it");
        }, after(200)),
        "b", CompletableFuture.supplyAsync(() -> delivered("b"), after(600)),
        "c", CompletableFuture.supplyAsync(() -> delivered("c"), after(600)));
    delivery.answers = item -> answers.get(item.getIds().getDeviceId());

    ExportFailedException failed = failedRun(3, "a", "b", "c", "d");

    assertTrue(failed.getMessage().contains("the target refused it"), failed.getMessage());
    assertTrue(answers.get("b").isDone() && answers.get("c").isDone(),
        "deliveries in flight were waited for");
    assertEquals(List.of("a", "b", "c"), events("read"), "d was never started");
    assertEquals(List.of(), output(), "nothing after a failure is written");
    assertEquals(List.of(), events("step"));
    assertEquals(List.of(new ItemFailure("my-app/a", "device my-app/a: the target refused it")),
        failed.summary().failures());
    assertEquals(List.of(false), allWritten);
  }

  @Test
  void itemsWrittenBeforeAFailureAreFinishedAndLaterOnesAreNeitherWrittenNorTouched() {
    reads = ref -> ref.deviceId().equals("c") ? failed("device my-app/c: not found")
        : CompletableFuture.completedFuture(device(ref));

    ExportFailedException failed = failedRun(1, "a", "b", "c", "d", "e");

    assertEquals(List.of("a", "b"), output());
    assertEquals(List.of("a", "b"), events("step"));
    assertEquals(List.of("a", "b", "c"), events("read"));
    assertEquals(2, failed.summary().exported());
    assertEquals(2, failed.summary().disabled());
    assertEquals(1, failed.summary().failures().size());
    assertEquals(List.of("failed c without item"), report.events("failed"));
  }

  @Test
  void collectedFailuresAreListedAndTheOtherItemsGoOn() {
    reads = ref -> ref.deviceId().equals("b") ? failed("device my-app/b: not found")
        : CompletableFuture.completedFuture(device(ref));
    delivery.answers = item -> item.getIds().getDeviceId().equals("c")
        ? failed("device my-app/c: the target refused it")
        : CompletableFuture.completedFuture(delivered(item.getIds().getDeviceId()));

    ExportSummary summary = run(2, true, "a", "b", "c", "d");

    assertEquals(List.of("a", "d"), output());
    assertEquals(List.of("a", "d"), events("step"));
    assertEquals(List.of(new ItemFailure("my-app/b", "device my-app/b: not found"),
        new ItemFailure("my-app/c", "device my-app/c: the target refused it")),
        summary.failures());
    assertEquals(List.of("failed b without item", "failed c with item"),
        report.events("failed"));
    assertEquals(2, summary.exported());
    assertFalse(summary.interrupted());
  }

  @Test
  void aRejectedItemIsListedUnderItsReferenceAndNotWritten() {
    ExportPipeline<DeviceRef, EndDevice> pipeline = new ExportPipeline<>("device",
        ref -> CompletableFuture.completedFuture(device(ref)),
        item -> {
          if (item.getIds().getDeviceId().equals("b")) {
            throw new ItemRejectedException("device my-app/b has no frequency plan");
          }
          return item;
        }, delivery, writer, steps, journal,
        new ExportPipeline.Settings(1, true, stop, RunProgress.NONE));

    ExportSummary summary = pipeline.run(List.of(ref("a"), ref("b"), ref("c")).iterator(),
        report);

    assertEquals(List.of("a", "c"), output());
    assertEquals(List.of("a", "c"), events("step"));
    assertEquals(List.of(new ItemFailure("my-app/b", "device my-app/b has no frequency plan")),
        summary.failures());
  }

  @Test
  void aFailedSourceStepSaysTheItemIsInTheOutput() {
    steps.answers = ref -> ref.deviceId().equals("b")
        ? failed("disabling downlinks of device my-app/b failed (UNAVAILABLE)")
        : CompletableFuture.completedFuture(null);

    ExportFailedException failed = failedRun(1, "a", "b", "c");

    assertEquals("device my-app/b is in the output, but disabling downlinks of device my-app/b"
        + " failed (UNAVAILABLE)", failed.getMessage());
    assertEquals(List.of("a", "b"), output());
    assertEquals(List.of("a", "b"), events("read"), "c is not started");
    assertEquals(1, failed.summary().disabled());

    events.clear();
    stdout.reset();
    ExportSummary collected = run(1, true, "a", "b", "c");
    assertEquals(List.of("a", "b", "c"), output());
    assertEquals(List.of(new ItemFailure("my-app/b", "device my-app/b is in the output, but"
        + " disabling downlinks of device my-app/b failed (UNAVAILABLE)")), collected.failures());
    assertEquals(3, collected.exported());
    assertEquals(2, collected.disabled());
  }

  @Test
  void anOutputThatCannotBeWrittenStopsTheRunBeforeTheSourceIsChanged() {
    writer = LineWriter.toStream(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    });

    ExportFailedException failed = assertThrows(ExportFailedException.class,
        () -> run(1, true, "a", "b"));

    assertEquals("device my-app/a: writing its JSON failed (stdout's reader has gone: Broken"
        + " pipe); it was not changed on the source", failed.getMessage());
    assertEquals(List.of(), events("step"));
    assertEquals(List.of("a"), events("read"), "not even with --continue-on-error");
  }

  @Test
  void aBrokenInputEndsTheRunAfterTheItemsBeforeIt() {
    Iterator<DeviceRef> input = new Iterator<>() {
      private int given;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public DeviceRef next() {
        if (given == 2) {
          throw new UncheckedIOException(new IOException("stdin: line 3 is not UTF-8"));
        }
        return ref("d" + given++);
      }
    };

    ExportFailedException failed = assertThrows(ExportFailedException.class,
        () -> pipeline(4, true).run(input, report));

    assertTrue(failed.getMessage().contains("line 3 is not UTF-8"), failed.getMessage());
    assertEquals(List.of("d0", "d1"), output());
    assertEquals(List.of("d0", "d1"), events("step"));
    assertEquals(List.of(false), allWritten);
  }

  // ---- the fakes

  private static Delivery.Delivered<EndDevice> delivered(String id) {
    return new Delivery.Delivered<>(device(ref(id)), TargetOutcome.CREATED);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Check<T> {
    void check(T value);
  }

  /** A target that creates every item at once unless told otherwise. */
  private final class FakeDelivery implements Delivery<EndDevice> {
    Function<EndDevice, CompletableFuture<Delivered<EndDevice>>> answers =
        item -> CompletableFuture.completedFuture(new Delivered<>(item, TargetOutcome.CREATED));
    Check<EndDevice> beforeDelivering = item -> { };
    final AtomicInteger checked = new AtomicInteger();

    @Override
    public boolean writes() {
      return true;
    }

    @Override
    public CompletableFuture<Delivered<EndDevice>> deliver(EndDevice item, boolean resumed) {
      events.add("deliver " + item.getIds().getDeviceId() + (resumed ? " (resumed)" : ""));
      beforeDelivering.check(item);
      checked.incrementAndGet();
      return answers.apply(item);
    }
  }

  /** Source steps that succeed at once, or wait until the test (or all written) completes them. */
  private final class FakeSteps implements SideEffects<DeviceRef> {
    SourceStep step = SourceStep.DISABLE;
    boolean waits;
    boolean held;
    Function<DeviceRef, CompletableFuture<Void>> answers =
        ref -> CompletableFuture.completedFuture(null);
    Check<DeviceRef> beforeStep = ref -> { };
    final AtomicInteger checked = new AtomicInteger();
    final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    final List<String> completedAfterAllWritten = Collections.synchronizedList(new ArrayList<>());

    @Override
    public SourceStep step() {
      return step;
    }

    @Override
    public String disabledLabel() {
      return "disabled";
    }

    @Override
    public String action() {
      return "disable";
    }

    @Override
    public boolean waits() {
      return waits;
    }

    @Override
    public CompletableFuture<Void> apply(DeviceRef ref) {
      events.add("step " + ref.deviceId());
      beforeStep.check(ref);
      checked.incrementAndGet();
      if (!held) {
        return answers.apply(ref);
      }
      CompletableFuture<Void> done = new CompletableFuture<>();
      pending.put(ref.deviceId(), done);
      return done;
    }

    @Override
    public void alreadyDone(DeviceRef ref) {
      events.add("already-done " + ref.deviceId());
    }

    void awaitStarted(int count) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (pending.size() < count && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(count, pending.size(), "source steps started");
    }

    void complete(String id) {
      pending.get(id).complete(null);
    }

    /** A hand-over: the steps waiting aside complete once every item is written. */
    void allWritten(boolean whole) {
      if (held && waits) {
        pending.keySet().stream().sorted().forEach(id -> {
          completedAfterAllWritten.add(id);
          complete(id);
        });
      }
    }
  }

  /** The report, as events. */
  private final class RecordingReport implements ItemReport<DeviceRef, EndDevice> {
    final List<String> all = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void delivered(DeviceRef ref, Delivery.Delivered<EndDevice> delivered) {
      all.add("delivered " + ref.deviceId());
    }

    @Override
    public void finished(DeviceRef ref, boolean earlier) {
      all.add("finished " + ref.deviceId() + (earlier ? " earlier" : ""));
    }

    @Override
    public void skipped(DeviceRef ref) {
      all.add("skipped " + ref.deviceId());
    }

    @Override
    public void failed(DeviceRef ref, EndDevice item, String cause, RuntimeException failure) {
      all.add("failed " + ref.deviceId() + (item == null ? " without item" : " with item"));
    }

    List<String> events(String kind) {
      synchronized (all) {
        return all.stream().filter(event -> event.startsWith(kind + " ")).toList();
      }
    }
  }
}
