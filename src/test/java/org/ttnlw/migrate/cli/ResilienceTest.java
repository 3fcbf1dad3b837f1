package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.CallInfo;
import org.ttnlw.migrate.sim.Fault;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.TtsServer;

/** Exports that carry on through failures that pass, and stop at those that do not. */
class ResilienceTest {
  private static final int DEVICES = 50;
  private static final String[] APPLICATION = {"application", "--source", "ttnv3", "my-app"};
  private static final String[] THREE_DEVICES =
      {"device", "--source", "ttnv3", "device-00001", "device-00002", "device-00003"};
  private static final String[] ONE_DEVICE = {"device", "--source", "ttnv3", "device-00001"};

  private TtsSimulator simulator;
  private final AtomicReference<TtsSimulator> restarted = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(true).start();
    for (EndDevice device : SampleDevices.application("my-app", DEVICES)) {
      simulator.put(device, SampleDevices.servers(device));
    }
  }

  @AfterEach
  void stop() {
    simulator.close();
    if (restarted.get() != null) {
      restarted.get().close();
    }
  }

  private CliRun.Result run(String[] command, String... flags) {
    return CliRun.run(simulator,
        Stream.concat(Stream.of(command), Stream.of(flags)).toArray(String[]::new));
  }

  /** The output of a dry run without faults; the calls it made are forgotten. */
  private String faultFreeOutput(String[] command) {
    CliRun.Result result = run(command, "--dry-run");
    assertEquals(ExitCodes.OK, result.exitCode(), result.stderr());
    simulator.clearCalls();
    return result.stdout();
  }

  private void failCalls(Predicate<CallInfo> which, Status status) {
    simulator.faults(call -> which.test(call) ? Optional.of(Fault.of(status)) : Optional.empty());
  }

  private static String request(CallInfo call) {
    return call.server() + " " + call.method() + " " + call.deviceId();
  }

  private static boolean isNsGet(CallInfo call) {
    return call.server() == TtsServer.NETWORK_SERVER && call.method().equals("Get");
  }

  private long nsGets() {
    return simulator.calls().stream().filter(ResilienceTest::isNsGet).count();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void assertDownlinksDisabledOnEveryDevice(TtsSimulator tts) {
    for (EndDevice device : SampleDevices.application("my-app", DEVICES)) {
      EndDevice stored = tts.stored(TtsServer.NETWORK_SERVER, "my-app",
          device.getIds().getDeviceId()).orElseThrow();
      assertFalse(stored.getMacSettings().getScheduleDownlinks().getValue(),
          device.getIds().getDeviceId());
    }
  }

  @Test
  void everyThirdCallUnavailableStillExportsEverythingOnce() {
    String expected = faultFreeOutput(APPLICATION);
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    Set<Long> failed = ConcurrentHashMap.newKeySet();
    // Never the same request twice: a retry that happened to be a third call again would make
    // the outcome a matter of luck.
    failCalls(call -> call.sequence() % 3 == 0 && failedOnce.add(request(call))
        && failed.add(call.sequence()), Status.UNAVAILABLE.withDescription("restarting"));

    CliRun.Result result = run(APPLICATION);

    assertEquals(ExitCodes.OK, result.exitCode(), result.stderr());
    assertEquals(expected, result.stdout());
    assertTrue(failed.size() > DEVICES, "about a third of some 250 calls failed: " + failed.size());
    Map<String, Long> appliedSets = simulator.writes().stream()
        .filter(call -> !failed.contains(call.sequence()))
        .collect(Collectors.groupingBy(CallInfo::deviceId, Collectors.counting()));
    assertEquals(DEVICES, appliedSets.size());
    assertEquals(Set.of(1L), Set.copyOf(appliedSets.values()), "downlinks disabled once each");
    assertDownlinksDisabledOnEveryDevice(simulator);
  }

  @Test
  void rateLimitedCallsWaitAsToldAndTheRunSaysItSlowsDown() {
    String expected = faultFreeOutput(APPLICATION);
    AtomicInteger calls = new AtomicInteger();
    simulator.faults(call -> {
      int number = calls.incrementAndGet();
      // The pre-flight and the List go through; the eight reads after them are refused.
      return number > 2 && number <= 10
          ? Optional.of(Fault.rateLimited(Duration.ofSeconds(1))) : Optional.empty();
    });

    long start = System.nanoTime();
    CliRun.Result result = run(APPLICATION);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(ExitCodes.OK, result.exitCode(), result.stderr());
    assertEquals(expected, result.stdout());
    assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0, "took only " + took);
    assertEquals(1, result.stderr().split("WARN .*rate limited by the (IS|JS|AS|NS); slowing down",
        -1).length - 1, result.stderr());
    assertDownlinksDisabledOnEveryDevice(simulator);
  }

  @Test
  void readsThatTimeOutAreRetriedWithAFreshDeadline() {
    String expected = faultFreeOutput(THREE_DEVICES);
    Set<String> stalledOnce = ConcurrentHashMap.newKeySet();
    simulator.faults(call -> {
      if (isNsGet(call) && stalledOnce.add(call.deviceId())) {
        sleep(Duration.ofMillis(1500));
      }
      return Optional.empty();
    });

    CliRun.Result result = run(THREE_DEVICES, "--dry-run", "--timeout", "1s");

    assertEquals(ExitCodes.OK, result.exitCode(), result.stderr());
    assertEquals(expected, result.stdout());
    assertTrue(nsGets() >= 6, "each NS Get tried again: " + simulator.calls());
  }

  @Test
  void aWriteThatTimesOutIsNotRetriedAndTheRunStopsNamingTheDevice() {
    simulator.faults(call -> {
      if (call.method().equals("Set")) {
        sleep(Duration.ofMillis(1500));
      }
      return Optional.empty();
    });

    CliRun.Result result = run(ONE_DEVICE, "--timeout", "500ms");

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.stderr());
    assertEquals(1, simulator.writes().size(), simulator.calls().toString());
    assertTrue(result.stderr().contains("disabling downlinks of device my-app/device-00001: NS Set"),
        result.stderr());
    assertTrue(result.stderr().contains("DEADLINE_EXCEEDED"), result.stderr());
    assertTrue(result.stderr().contains("not retried, as the server may have applied the change"),
        result.stderr());
  }

  @Test
  void withConcurrencyOneRetriesToStayOneCallAfterAnother() {
    AtomicInteger atOnce = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    simulator.faults(call -> {
      mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
      sleep(Duration.ofMillis(20));
      atOnce.decrementAndGet();
      return call.sequence() % 2 == 0 && failedOnce.add(request(call))
          ? Optional.of(Fault.of(Status.UNAVAILABLE)) : Optional.empty();
    });

    CliRun.Result result = run(THREE_DEVICES, "--concurrency", "1");

    assertEquals(ExitCodes.OK, result.exitCode(), result.stderr());
    assertEquals(3, result.devices().size());
    assertFalse(failedOnce.isEmpty());
    assertEquals(1, mostAtOnce.get(), "one call at a time");
  }

  @Test
  void permissionDeniedIsNotRetried() {
    failCalls(ResilienceTest::isNsGet, Status.PERMISSION_DENIED.withDescription("no rights"));

    CliRun.Result result = run(ONE_DEVICE, "--dry-run");

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.stderr());
    assertEquals(1, nsGets());
    assertTrue(result.stderr().contains("NS Get at " + simulator.address()
        + " failed: PERMISSION_DENIED: no rights\n"), result.stderr());
  }

  @ParameterizedTest
  @CsvSource({"0, 1, ''", "2, 3, '; gave up after 3 attempts'"})
  void retriesAsOftenAsToldAndTheLastFailureSaysHowOften(String retries, long attempts,
      String remark) {
    failCalls(ResilienceTest::isNsGet, Status.UNAVAILABLE);

    CliRun.Result result = run(ONE_DEVICE, "--dry-run", "--retries", retries);

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.stderr());
    assertEquals(attempts, nsGets());
    assertTrue(result.stderr().contains("failed: UNAVAILABLE" + remark + "\n"), result.stderr());
  }

  @Test
  void internalErrorsAreRetriedOnlyWhenTheStreamWasReset() {
    String expected = faultFreeOutput(ONE_DEVICE);
    AtomicInteger resets = new AtomicInteger();
    simulator.faults(call -> isNsGet(call) && resets.incrementAndGet() <= 2
        ? Optional.of(Fault.of(Status.INTERNAL.withDescription(
            "RST_STREAM closed stream. HTTP/2 error code: INTERNAL_ERROR")))
        : Optional.empty());
    assertEquals(expected, run(ONE_DEVICE, "--dry-run").stdout());
    assertEquals(3, nsGets());

    simulator.clearCalls();
    failCalls(ResilienceTest::isNsGet, Status.INTERNAL.withDescription("bug"));
    CliRun.Result result = run(ONE_DEVICE, "--dry-run");
    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.stderr());
    assertEquals(1, nsGets());
  }

  @Test
  void aServerRestartDuringTheExportIsRiddenOut() {
    String expected = faultFreeOutput(APPLICATION);
    AtomicInteger calls = new AtomicInteger();
    simulator.faults(call -> {
      if (calls.incrementAndGet() == 100) {
        new Thread(this::restart, "restart-simulator").start();
      }
      return Optional.empty();
    });

    CliRun.Result result = run(APPLICATION);

    assertEquals(ExitCodes.OK, result.exitCode(), result.stderr());
    assertEquals(expected, result.stdout());
    TtsSimulator after = restarted.get();
    assertNotNull(after);
    assertFalse(after.calls().isEmpty(), "the export went on with the restarted server");
    assertDownlinksDisabledOnEveryDevice(after);
  }

  private void restart() {
    try {
      restarted.set(simulator.restart());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
