package org.ttnlw.migrate.sim;

import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.Right;

/**
 * A LoRa Basics Station whose CUPS server is a source simulator's, following the CUPS redirect of
 * TTS's docs ("Using CUPS to redirect to a different LNS"): every ~50 ms it polls the source's
 * view of its gateway, as the source CUPS server answers {@code update-info} from it.
 *
 * <p>When the source gateway's {@code gateway_server_address} names the target simulator's
 * Gateway Server and its {@code lbs_lns_secret} is a target key holding {@code GATEWAY_LINK} on a
 * live target gateway with the same EUI, the station connects there ({@code semtechws/lbslns})
 * and leaves the source. Otherwise it is connected to the source. While the source gateway is
 * gone or soft-deleted, CUPS has no answer and the station stays where it is.
 *
 * <pre>{@code
 * try (SimulatedStation station = SimulatedStation.following(source, target, "my-gateway")) {
 *   // change the source gateway, then wait for target.isConnected(...)
 * }
 * }</pre>
 */
public final class SimulatedStation implements AutoCloseable {
  /** The protocol the Gateway Server reports for a Basics Station LNS connection. */
  public static final String PROTOCOL = "semtechws/lbslns";
  private static final long POLL_MILLIS = 50;
  private static final Pattern SCHEME = Pattern.compile("^[a-z]{2,5}://");

  private final TtsSimulator source;
  private final TtsSimulator target;
  private final String gatewayId;
  private final ScheduledExecutorService poller;
  /** The target gateway the station is connected to; empty while it is on the source. */
  private Optional<String> onTarget = Optional.empty();
  private boolean connected;

  private SimulatedStation(TtsSimulator source, TtsSimulator target, String gatewayId) {
    this.source = source;
    this.target = target;
    this.gatewayId = gatewayId;
    poller = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "simulated-station-" + gatewayId);
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * A station for the source gateway {@code gatewayId}, connected to the source after its first
   * poll, which happens before this returns.
   */
  public static SimulatedStation following(
      TtsSimulator source, TtsSimulator target, String gatewayId) {
    SimulatedStation station = new SimulatedStation(source, target, gatewayId);
    station.poll();
    station.poller.scheduleWithFixedDelay(
        station::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    return station;
  }

  private synchronized void poll() {
    try {
      follow();
    } catch (StatusRuntimeException e) {
      // a gateway deleted between the look-up and the connection: the next poll decides again
    }
  }

  private void follow() {
    Optional<Gateway> configured = source.gateway(gatewayId).filter(gw -> !gw.hasDeletedAt());
    if (configured.isEmpty()) {
      return;
    }
    Optional<String> redirect = redirectedTo(configured.get());
    if (connected && redirect.equals(onTarget)) {
      return;
    }
    onTarget.ifPresent(target::disconnect);
    if (connected && onTarget.isEmpty()) {
      source.disconnect(gatewayId);
    }
    if (redirect.isPresent()) {
      target.connect(redirect.get(), PROTOCOL);
    } else {
      source.connect(gatewayId, PROTOCOL);
    }
    onTarget = redirect;
    connected = true;
  }

  /** The target gateway the source's LNS settings lead to, if they lead there. */
  private Optional<String> redirectedTo(Gateway configured) {
    String address = SCHEME.matcher(configured.getGatewayServerAddress()).replaceFirst("");
    ByteString eui = configured.getIds().getEui();
    if (eui.isEmpty() || !address.equalsIgnoreCase(target.gatewayServerAddress())) {
      return Optional.empty();
    }
    GatewayStore targetStore = target.gatewayStore();
    String lnsKey = configured.getLbsLnsSecret().getValue().toStringUtf8();
    return targetStore.liveWithEui(eui)
        .map(gateway -> gateway.getIds().getGatewayId())
        .filter(targetId -> targetStore.caller(lnsKey)
            .map(caller ->
                targetStore.rightsOn(caller, targetId).contains(Right.RIGHT_GATEWAY_LINK))
            .orElse(false));
  }

  /** Stops polling; the station's last connection stays as it is. */
  @Override
  public void close() {
    poller.shutdownNow();
  }
}
