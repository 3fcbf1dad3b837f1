package org.ttnlw.migrate.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.Gateway;

/**
 * What every {@link GatewaySource} promises, run by one subclass per gateway source against its
 * simulator or files: resolving the IDs operators write, listing in a stable order, fetching
 * gateways that survive TTS JSON, deleting (a gateway already gone counts as deleted), and
 * concurrent fetches. A source that never changes anything says so in its constructor.
 */
@Timeout(120)
public abstract class GatewaySourceContract {
  protected static final CallSettings CONTEXT = new CallSettings(4, Duration.ofSeconds(10), 0);

  private final List<GatewaySource> opened = new ArrayList<>();
  private final boolean deletes;

  /** @param deletes whether {@link GatewaySource#delete} deletes; false for files, only read */
  protected GatewaySourceContract(boolean deletes) {
    this.deletes = deletes;
  }

  /** A new connection to the seeded fake, configured through the source's own flags. */
  protected abstract GatewaySource connect() throws Exception;

  /** The gateway IDs (at the source) that {@link GatewaySource#listAll} gives, in its order. */
  protected abstract List<String> listedIds();

  /**
   * Gateways as an operator writes them on the command line, and the ID each has at the source;
   * empty when the source takes no gateway IDs.
   */
  protected abstract Map<String, String> operatorSpellings();

  /** A gateway ID the source does not hold. */
  protected abstract String missingId();

  /** Whether the gateway is gone from the fake (or the files changed). */
  protected abstract boolean isDeleted(GatewayRef gateway);

  /** Whether a gateway is read once per connection (a file's records). */
  protected boolean readsEachOnce() {
    return false;
  }

  protected final GatewaySource source() throws Exception {
    GatewaySource source = connect();
    opened.add(source);
    return source;
  }

  @AfterEach
  void closeSources() {
    opened.forEach(GatewaySource::close);
  }

  private static List<GatewayRef> listed(GatewaySource source) {
    List<GatewayRef> refs = new ArrayList<>();
    source.listAll().forEachRemaining(refs::add);
    return refs;
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(60, TimeUnit.SECONDS);
  }

  @Test
  void listsItsGatewaysInTheSourcesOrderEveryTime() throws Exception {
    List<GatewayRef> first = listed(source());
    assertEquals(listedIds(), first.stream().map(GatewayRef::id).toList());
    assertEquals(first.size(), new HashSet<>(first).size(), "no gateway twice: " + first);
    assertEquals(first, listed(source()), "the same order on a second connection");
  }

  @Test
  void resolvesAnIdAsOperatorsWriteItToTheReferenceItIsListedUnder() throws Exception {
    GatewaySource source = source();
    if (operatorSpellings().isEmpty()) {
      UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
          () -> source.resolve(listedIds().get(0)));
      assertFalse(refused.getMessage().isBlank());
      return;
    }
    List<GatewayRef> listed = listed(source);
    for (Map.Entry<String, String> spelling : operatorSpellings().entrySet()) {
      GatewayRef ref = source.resolve(spelling.getKey());
      assertEquals(spelling.getValue(), ref.id(), spelling.getKey());
      assertTrue(listed.contains(ref), spelling.getKey() + " resolves to " + ref
          + ", which listing does not give: " + listed);
    }
  }

  @Test
  void fetchedGatewaysSurviveTtsJsonUnchanged() throws Exception {
    GatewaySource source = source();
    for (GatewayRef ref : listed(source)) {
      Gateway gateway = await(source.fetch(ref));
      assertFalse(gateway.getIds().getGatewayId().isEmpty(), ref + " has a gateway ID");
      String json = TtsJson.instance().toJson(gateway);
      assertEquals(gateway, TtsJson.instance().merge(json, Gateway.newBuilder()).build(),
          ref + " written as TTS JSON and read back: " + json);
    }
  }

  @Test
  void fetchingAMissingGatewayFailsNamingIt() throws Exception {
    if (operatorSpellings().isEmpty()) {
      return; // it reads only what it lists
    }
    GatewaySource source = source();
    CompletionException failed = assertThrows(CompletionException.class,
        () -> source.fetch(source.resolve(missingId())).join());
    String message = failed.getCause().getMessage();
    assertTrue(message.toLowerCase().contains(missingId().toLowerCase()), message);
  }

  @Test
  void deletingAGatewayThatIsGoneCountsAsDeleted() throws Exception {
    GatewaySource source = source();
    GatewayRef gateway = listed(source).get(0);
    await(source.delete(gateway));
    assertEquals(deletes, isDeleted(gateway), gateway + " deleted");
    await(source.delete(gateway));
    if (deletes) {
      await(source.delete(source.resolve(missingId())));
    }
  }

  @Test
  void concurrentFetchesEachAnswerTheirOwnGateway() throws Exception {
    Map<GatewayRef, Gateway> oneByOne = new LinkedHashMap<>();
    GatewaySource first = source();
    for (GatewayRef ref : listed(first)) {
      oneByOne.put(ref, await(first.fetch(ref)));
    }
    GatewaySource source = source();
    List<GatewayRef> refs = listed(source);
    int rounds = readsEachOnce() ? 1 : 3;
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<Map.Entry<GatewayRef, Gateway>>> all = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        for (GatewayRef ref : refs) {
          all.add(CompletableFuture.supplyAsync(() -> source.fetch(ref), callers)
              .thenCompose(fetched -> fetched)
              .thenApply(gateway -> Map.entry(ref, gateway)));
        }
      }
      for (CompletableFuture<Map.Entry<GatewayRef, Gateway>> fetched : all) {
        Map.Entry<GatewayRef, Gateway> answer = await(fetched);
        assertEquals(oneByOne.get(answer.getKey()), answer.getValue(), answer.getKey()
            + " fetched alongside others");
      }
    } finally {
      callers.shutdownNow();
    }
  }
}
