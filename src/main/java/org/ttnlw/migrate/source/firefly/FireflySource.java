package org.ttnlw.migrate.source.firefly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.calls.Backoff;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.source.ListsAllSource;
import org.ttnlw.migrate.source.RestorableSource;
import org.ttnlw.migrate.source.SourceNeeds;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.source.lorawan.Hex;

/**
 * Reads devices from Firefly's HTTP API: {@code devices/eui/{eui}} for the device and, when it has
 * a session, its newest uplink for the frame counter. Devices are named by DevEUI; the
 * application of a {@link DeviceRef} is the TTS application they go to. The keys it invalidates
 * it can put back.
 */
final class FireflySource implements ListsAllSource, RestorableSource {
  private static final Logger log = LoggerFactory.getLogger(FireflySource.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FireflyConfig config;
  private final FireflyApi api;
  private final FireflyDeviceMapper mapper;
  /** The Firefly application each listed device came from, for its attribute. */
  private final Map<DeviceRef, String> listedFrom = new ConcurrentHashMap<>();
  private final AtomicLong kept = new AtomicLong();

  FireflySource(FireflyConfig config, CallSettings context, RequestPacer pacer) {
    this.config = config;
    this.api = new FireflyApi(config, context, pacer, Backoff.DEFAULT);
    this.mapper = new FireflyDeviceMapper(config);
  }

  /**
   * {@code GET applications}, not retried: the cheapest authenticated read Firefly has; any
   * answer but a refused key proves the host, TLS and the key.
   */
  @Override
  public void preflight(SourceNeeds needs) {
    try {
      Futures.await(api.getOnce("checking the source API key", "applications", Map.of()));
    } catch (FireflyCallException e) {
      if (e.failsEveryItem()) {
        throw new ConfigException("source: " + e.getMessage() + (e.status() == 0
            ? "; check --host and the TLS flags" : "") + "; nothing was exported or changed");
      }
    }
  }

  @Override
  public DeviceRef resolve(String devEui) {
    return new DeviceRef(config.appId(), devEui.strip().toLowerCase(Locale.ROOT));
  }

  /** The devices of a Firefly application ({@code application/{id}/euis}). */
  @Override
  public Iterator<DeviceRef> listDevices(String fireflyApplication) {
    JsonNode answer = Futures.await(api.get("listing Firefly application " + fireflyApplication,
        "application/" + fireflyApplication + "/euis", Map.of()));
    return refs(answer.path("devices"), "application " + fireflyApplication,
        Optional.of(fireflyApplication));
  }

  /** Every device the API key reaches ({@code devices}). */
  @Override
  public Iterator<DeviceRef> listAllDevices() {
    JsonNode answer = Futures.await(api.get("listing every Firefly device", "devices", Map.of()));
    return refs(answer.path("devices"), "the device list", Optional.empty());
  }

  private Iterator<DeviceRef> refs(JsonNode devices, String listing,
      Optional<String> fireflyApplication) {
    if (!devices.isArray()) {
      throw new MigrationException("Firefly answered " + listing + " without a \"devices\" list");
    }
    List<DeviceRef> refs = new ArrayList<>();
    for (JsonNode device : devices) {
      String eui = FireflyDeviceMapper.text(device, "eui");
      if (FireflySourcePlugin.devEuiProblem(eui) != null) {
        throw new MigrationException("Firefly listed a device in " + listing + " whose eui \"" + eui
            + "\" is not a DevEUI");
      }
      DeviceRef ref = resolve(eui);
      fireflyApplication.ifPresent(app -> listedFrom.put(ref, app));
      refs.add(ref);
    }
    log.info("Firefly: {} devices in {}", refs.size(), listing);
    return refs.iterator();
  }

  @Override
  public CompletableFuture<EndDevice> fetch(DeviceRef ref) {
    String device = ref.deviceId();
    ByteString devEui = Hex.parse(device, 8, "DevEUI").orElseThrow();
    return getDevice(ref).thenCompose(json -> {
      checkEui(device, json);
      Optional<FireflyDeviceMapper.SessionValues> session = mapper.session(device, json);
      CompletableFuture<OptionalLong> fCntUp = session.isPresent()
          ? lastFCntUp(device)
          : CompletableFuture.completedFuture(OptionalLong.empty());
      return fCntUp.thenApply(counter -> mapper.map(device, devEui, json, session, counter,
          Optional.ofNullable(listedFrom.get(ref))));
    });
  }

  private CompletableFuture<JsonNode> getDevice(DeviceRef ref) {
    return api.get("device " + ref.deviceId(), "devices/eui/" + ref.deviceId(), Map.of())
        .thenApply(answer -> {
          JsonNode device = answer.get("device");
          if (device == null || !device.isObject()) {
            throw new MigrationException("device " + ref.deviceId() + ": Firefly answered without a"
                + " \"device\" object");
          }
          return device;
        });
  }

  private static void checkEui(String device, JsonNode json) {
    String eui = FireflyDeviceMapper.text(json, "eui");
    if (!eui.isEmpty() && !eui.equalsIgnoreCase(device)) {
      throw new ItemRejectedException("device " + device + ": Firefly answered with device "
          + eui);
    }
  }

  /** The newest uplink's frame counter ({@code limit_to_last=1}, newest first). */
  private CompletableFuture<OptionalLong> lastFCntUp(String device) {
    return api.get("uplinks of device " + device, "devices/eui/" + device + "/packets",
            Map.of("limit_to_last", "1", "direction", "desc"))
        .thenApply(answer -> {
          JsonNode packets = answer.path("packets");
          if (!packets.isArray() || packets.isEmpty()) {
            return OptionalLong.empty();
          }
          JsonNode fcnt = packets.get(0).path("fcnt");
          if (!fcnt.canConvertToLong() || fcnt.asLong() < 0 || fcnt.asLong() > 0xFFFF_FFFFL) {
            throw new MigrationException("device " + device + ": its newest uplink has no frame"
                + " counter Firefly could give (fcnt " + fcnt + ")");
          }
          return OptionalLong.of(fcnt.asLong());
        });
  }

  /**
   * Invalidates the device's keys on Firefly: read them afresh, write each back changed. A device
   * gone from Firefly is no longer served there, so it counts as done.
   */
  @Override
  public CompletableFuture<Void> disable(DeviceRef ref) {
    return getDevice(ref)
        .thenCompose(device -> {
          JsonNode body = KeyBump.body(device);
          if (body == null) {
            log.warn("device {}: holds no key on Firefly; nothing to invalidate", ref.deviceId());
            return CompletableFuture.<Void>completedFuture(null);
          }
          return api.put("invalidating the keys of device " + ref.deviceId(),
              "devices/eui/" + ref.deviceId(), body).thenApply(answer -> (Void) null);
        })
        .exceptionally(failure -> {
          RuntimeException cause = Futures.unwrap(failure);
          if (cause instanceof FireflyCallException call && call.isNotFound()) {
            log.warn("device {}: gone from Firefly; nothing to invalidate", ref.deviceId());
            return null;
          }
          throw cause;
        });
  }

  /**
   * Before the keys are invalidated: the keys that change, as Firefly holds them, in compact JSON
   * (secret: the journal only); none for a device gone from Firefly.
   */
  @Override
  public CompletableFuture<Optional<String>> before(DeviceRef ref, SourceStep step) {
    if (step != SourceStep.DISABLE) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return getDevice(ref)
        .thenApply(device -> KeyBump.keys(device).toString())
        .exceptionally(failure -> {
          RuntimeException cause = Futures.unwrap(failure);
          if (cause instanceof FireflyCallException call && call.isNotFound()) {
            return "{}";
          }
          throw cause;
        })
        .thenApply(Optional::of);
  }

  /** Writes the recorded keys back; a device that held none is not written. */
  @Override
  public CompletableFuture<Restored> restore(DeviceRef ref, SourceStep step, String before) {
    if (step != SourceStep.DISABLE) {
      throw new IllegalArgumentException("the firefly source restores invalidated keys only");
    }
    JsonNode keys;
    try {
      keys = JSON.readTree(before);
    } catch (JsonProcessingException e) {
      // The message would quote the keys.
      throw new MigrationException("device " + ref.deviceId() + ": the journal's record of its"
          + " keys is damaged; put them back in Firefly by hand");
    }
    if (keys.isEmpty()) {
      return CompletableFuture.completedFuture(Restored.RESTORED);
    }
    return api.put("restoring the keys of device " + ref.deviceId(),
            "devices/eui/" + ref.deviceId(), KeyBump.wrapped(keys))
        .thenApply(answer -> Restored.RESTORED);
  }

  @Override
  public CompletableFuture<Void> delete(DeviceRef ref) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException(
        "the Firefly source does not delete devices"));
  }

  @Override
  public void kept(DeviceRef device) {
    kept.incrementAndGet();
  }

  @Override
  public List<String> remarks() {
    long count = kept.get();
    if (count == 0) {
      return List.of();
    }
    return List.of("the " + count + " exported devices are still live on Firefly (their keys are"
        + " unchanged): once they work on TTS, run the same command with --invalidate-keys, or"
        + " remove them in Firefly, so that two networks never serve them");
  }

  @Override
  public void close() {
    api.close();
  }
}
