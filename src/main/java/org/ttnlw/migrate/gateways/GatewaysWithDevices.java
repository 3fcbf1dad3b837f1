package org.ttnlw.migrate.gateways;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.pipeline.JobRunner;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.RunSettings;
import org.ttnlw.migrate.source.GatewaySource;

/**
 * {@code migrate application --with-gateways}: the gateways are registered in the target before
 * the first device is created, and handed over once every device is created and verified,
 * before any device is stopped at the source. The order that loses the least traffic for
 * devices that keep their DevAddr; each phase is a gateway run of its own, with its own
 * journal ({@code --state} + {@code .gateways}), going on past a gateway that fails.
 */
public final class GatewaysWithDevices {
  private static final int NAMED = 20;

  private final GatewayJob register;
  private final GatewayJob handOver;
  private final RunSettings settings;
  private final JobRunner runner;
  private final PrintStream stderr;
  private final Consumer<ConfigException> refusals;
  private Outcome handedOver = Outcome.OK;

  /**
   * @param opener opens the source's gateways, once per phase
   * @param deletesSource whether each gateway is deleted at the source once handed over
   * @param runner the command's runner, which runs its devices too
   * @param refusals says why a phase was refused (bad flags or configuration) on stderr
   * @throws ConfigException when the hand-over cannot work with the source's choices
   */
  public GatewaysWithDevices(Function<CallSettings, GatewaySource> opener, boolean deletesSource,
      List<String> gatewayIds, RunSettings settings, GatewayJob.Migration migration,
      JobRunner runner, PrintStream stderr, Consumer<ConfigException> refusals) {
    this.settings = settings.continuingOnError();
    Mode<GatewayJob.Migration> mode = new Mode.Migrate<>(migration);
    this.register = new GatewayJob(new SourceGateways(opener, deletesSource,
        List.copyOf(gatewayIds).iterator(), false), settings, mode,
        GatewayJob.Part.REGISTER_BEFORE_DEVICES);
    this.handOver = new GatewayJob(new SourceGateways(opener, deletesSource,
        List.copyOf(gatewayIds).iterator(), false), settings, mode,
        GatewayJob.Part.HAND_OVER_AFTER_DEVICES);
    this.runner = runner;
    this.stderr = stderr;
    this.refusals = refusals;
  }

  /** Registers the gateways in the target; anything but OK means no device may move. */
  public Outcome register() {
    return run(register);
  }

  /** Hands the gateways over, naming the devices that depend on ones that did not connect. */
  public void handOver(List<DeviceRef> keepingSession) {
    handedOver = run(handOver);
    if (handedOver != Outcome.OK && !keepingSession.isEmpty()) {
      String named = keepingSession.stream().limit(NAMED).map(DeviceRef::toString)
          .collect(Collectors.joining(", "));
      int more = keepingSession.size() - NAMED;
      stderr.println("ttn-lw-migrate: not every gateway is connected to the target; these"
          + " devices keep their session (ABP, or migrated with it), so their uplinks reach the"
          + " target only through a gateway connected to it: " + named
          + (more > 0 ? " and " + more + " more" : ""));
    }
  }

  /** The devices' outcome, made worse when the hand-over was not complete. */
  public Outcome combined(Outcome devices) {
    return devices.then(handedOver);
  }

  /** A phase's outcome; a refused phase is said and counts as a usage error. */
  private Outcome run(GatewayJob job) {
    try {
      return runner.run(job, settings);
    } catch (ConfigException e) {
      refusals.accept(e);
      return Outcome.REFUSED;
    }
  }
}
