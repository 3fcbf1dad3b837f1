package org.ttnlw.migrate.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.EndDevice;
import picocli.CommandLine;

/**
 * What every {@link Source} promises, run by one subclass per source against its simulator or
 * fake: resolving the IDs operators write, listing in a stable order, fetching devices that
 * survive TTS JSON, disabling and deleting as the interface says, and concurrent fetches. A
 * source that cannot disable or delete says so in its constructor, and
 * the contract then checks that it refuses clearly and changes nothing.
 */
@Timeout(120)
public abstract class SourceContract {
  /** Devices in flight at once, as a run with {@code --concurrency 4} has them. */
  protected static final CallSettings CONTEXT = new CallSettings(4, Duration.ofSeconds(10), 0);

  /** What a source does when told to disable or delete a device. */
  protected enum Change {
    /** Changes the device at the source, as the interface describes. */
    DONE,
    /** Fails, naming the cause, and changes nothing. */
    REFUSED,
    /** Succeeds without doing anything: a source that is only read (files). */
    NOTHING
  }

  private final List<Source> opened = new ArrayList<>();
  private final Change disables;
  private final Change deletes;

  /** @param disables what {@link Source#disable} does @param deletes what {@link Source#delete} does */
  protected SourceContract(Change disables, Change deletes) {
    this.disables = disables;
    this.deletes = deletes;
  }

  /** A new connection to the seeded fake, configured through the source's own flags. */
  protected abstract Source connect() throws Exception;

  /** The devices as the command that reads them all lists them (an application, the files). */
  protected abstract Iterator<DeviceRef> list(Source source);

  /** The device IDs (at the source) of {@link #list}, in the order the source gives them. */
  protected abstract List<String> listedIds();

  /**
   * A device as an operator writes it on the command line (case, padding and all), and the ID
   * it has at the source; empty when the source takes no device IDs.
   */
  protected abstract Map<String, String> operatorSpellings();

  /** A device ID the source does not hold, as an operator writes it. */
  protected abstract String missingId();

  /** Whether the device is out of service at the fake, after {@link Source#disable}. */
  protected abstract boolean isDisabled(DeviceRef device);

  /** Whether the device is gone from the fake. */
  protected abstract boolean isDeleted(DeviceRef device);

  /** Whether a device is read once per connection (a file's records), not any number of times. */
  protected boolean readsEachOnce() {
    return false;
  }

  /** Opens through the plugin, the flags given as on the command line. */
  protected static <O> Source open(SourcePlugin<O> plugin, String... flags) {
    O options = plugin.newOptions();
    new CommandLine(options).parseArgs(flags);
    return plugin.open(options, CONTEXT);
  }

  protected final Source source() throws Exception {
    Source source = connect();
    opened.add(source);
    return source;
  }

  @AfterEach
  void closeSources() {
    opened.forEach(Source::close);
  }

  private List<DeviceRef> listed(Source source) {
    List<DeviceRef> refs = new ArrayList<>();
    list(source).forEachRemaining(refs::add);
    return refs;
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(60, TimeUnit.SECONDS);
  }

  private static String failureOf(CompletableFuture<?> future) {
    CompletionException failed = assertThrows(CompletionException.class, future::join);
    String message = failed.getCause().getMessage();
    assertTrue(message != null && !message.isBlank(), "a failure without a message: " + failed);
    return message;
  }

  @Test
  void listsItsDevicesInTheSourcesOrderEveryTime() throws Exception {
    List<DeviceRef> first = listed(source());
    assertEquals(listedIds(), first.stream().map(DeviceRef::deviceId).toList());
    assertEquals(first.size(), new HashSet<>(first).size(), "no device twice: " + first);
    assertEquals(first, listed(source()), "the same order on a second connection");
  }

  @Test
  void resolvesAnIdAsOperatorsWriteItToTheReferenceItIsListedUnder() throws Exception {
    Source source = source();
    if (operatorSpellings().isEmpty()) {
      UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
          () -> source.resolve(listedIds().get(0)));
      assertFalse(refused.getMessage().isBlank());
      return;
    }
    List<DeviceRef> listed = listed(source);
    for (Map.Entry<String, String> spelling : operatorSpellings().entrySet()) {
      DeviceRef ref = source.resolve(spelling.getKey());
      assertEquals(spelling.getValue(), ref.deviceId(), spelling.getKey());
      assertTrue(listed.contains(ref), "a resumed run finds " + spelling.getKey()
          + " under the reference listing gave it, " + ref + " is not in " + listed);
    }
  }

  @Test
  void fetchedDevicesSurviveTtsJsonUnchanged() throws Exception {
    Source source = source();
    for (DeviceRef ref : listed(source)) {
      EndDevice device = await(source.fetch(ref));
      assertFalse(device.getIds().getDeviceId().isEmpty() && device.getIds().getDevEui().isEmpty(),
          ref + " has a device ID or a DevEUI to make one of");
      String json = TtsJson.instance().toJson(device);
      EndDevice back = TtsJson.instance().merge(json, EndDevice.newBuilder()).build();
      assertEquals(device, back, ref + " written as TTS JSON and read back: " + json);
    }
  }

  @Test
  void fetchingAMissingDeviceFailsNamingIt() throws Exception {
    if (operatorSpellings().isEmpty()) {
      return; // it reads only what it lists
    }
    Source source = source();
    CompletableFuture<EndDevice> fetched;
    try {
      fetched = source.fetch(source.resolve(missingId()));
    } catch (RuntimeException e) {
      fetched = CompletableFuture.failedFuture(e);
    }
    String message = failureOf(fetched);
    assertTrue(message.toLowerCase().contains(missingId().toLowerCase()), message);
  }

  @Test
  void disablingTwiceIsHarmless() throws Exception {
    Source source = source();
    DeviceRef device = listed(source).get(0);
    switch (disables) {
      case DONE -> {
        await(source.disable(device));
        await(source.disable(device));
        assertTrue(isDisabled(device), device + " is disabled");
        assertFalse(isDeleted(device));
      }
      case REFUSED -> {
        failureOf(source.disable(device));
        failureOf(source.disable(device));
        assertFalse(isDisabled(device));
        assertFalse(isDeleted(device));
      }
      case NOTHING -> {
        await(source.disable(device));
        await(source.disable(device));
        assertFalse(isDisabled(device));
      }
    }
  }

  @Test
  void deletingADeviceThatIsGoneCountsAsDeleted() throws Exception {
    Source source = source();
    DeviceRef device = listed(source).get(0);
    switch (deletes) {
      case DONE -> {
        await(source.delete(device));
        assertTrue(isDeleted(device), device + " is deleted");
        await(source.delete(device));
        await(source.delete(source.resolve(missingId())));
      }
      case REFUSED -> {
        failureOf(source.delete(device));
        assertFalse(isDeleted(device));
      }
      case NOTHING -> {
        await(source.delete(device));
        assertFalse(isDeleted(device));
      }
    }
  }

  @Test
  void concurrentFetchesEachAnswerTheirOwnDevice() throws Exception {
    Map<DeviceRef, EndDevice> oneByOne = new LinkedHashMap<>();
    Source first = source();
    for (DeviceRef ref : listed(first)) {
      oneByOne.put(ref, await(first.fetch(ref)));
    }
    Source source = source();
    List<DeviceRef> refs = listed(source);
    int rounds = readsEachOnce() ? 1 : 3;
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<Map.Entry<DeviceRef, EndDevice>>> all = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        for (DeviceRef ref : refs) {
          all.add(CompletableFuture.supplyAsync(() -> source.fetch(ref), callers)
              .thenCompose(fetched -> fetched)
              .thenApply(device -> Map.entry(ref, device)));
        }
      }
      for (CompletableFuture<Map.Entry<DeviceRef, EndDevice>> fetched : all) {
        Map.Entry<DeviceRef, EndDevice> answer = await(fetched);
        assertEquals(oneByOne.get(answer.getKey()), answer.getValue(), answer.getKey()
            + " fetched alongside others");
      }
      assertEquals(refs.size() * rounds, all.size());
    } finally {
      callers.shutdownNow();
    }
  }
}
