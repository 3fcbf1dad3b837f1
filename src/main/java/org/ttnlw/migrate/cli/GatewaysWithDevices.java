package org.ttnlw.migrate.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.gateways.GatewayJob;
import org.ttnlw.migrate.target.GatewayTargetOptions;
import org.ttnlw.migrate.target.HandOverOptions;
import org.ttnlw.migrate.target.TargetOptions;

/**
 * {@code migrate application --with-gateways}: the gateways are registered in the target before
 * the first device is created, and handed over once every device is created and verified,
 * before any device is stopped at the source. The order that loses the least traffic for
 * devices that keep their DevAddr; each phase is a gateway run of its own, with its own
 * journal ({@code --state} + {@code .gateways}).
 */
final class GatewaysWithDevices {
  private static final int NAMED = 20;

  private final BoundSource<?> bound;
  private final UnaryOperator<String> asTyped;
  private final List<String> gatewayIds;
  private final GlobalOptions global;
  private final Io io;
  private final GatewayJob.Migration migration;
  private int handOverCode = ExitCodes.OK;

  GatewaysWithDevices(BoundSource<?> bound, UnaryOperator<String> asTyped,
      List<String> gatewayIds, GlobalOptions global, Io io, TargetOptions target,
      GatewayTargetOptions gateways, HandOverOptions handOver) {
    this.bound = bound;
    this.asTyped = asTyped;
    this.gatewayIds = List.copyOf(gatewayIds);
    this.global = global;
    this.io = io;
    this.migration = new GatewayJob.Migration(target, gateways, handOver,
        Optional.of(GatewayCommand.MIGRATE_TIMEOUT));
  }

  /** Registers the gateways in the target; anything but OK means no device may move. */
  int register() {
    return run(GatewayJob.Part.REGISTER_BEFORE_DEVICES);
  }

  /** Hands the gateways over, naming the devices that depend on ones that did not connect. */
  void handOver(List<DeviceRef> keepingSession) {
    handOverCode = run(GatewayJob.Part.HAND_OVER_AFTER_DEVICES);
    if (handOverCode != ExitCodes.OK && !keepingSession.isEmpty()) {
      String named = keepingSession.stream().limit(NAMED).map(DeviceRef::toString)
          .collect(Collectors.joining(", "));
      int more = keepingSession.size() - NAMED;
      io.stderr().println("ttn-lw-migrate: not every gateway is connected to the target; these"
          + " devices keep their session (ABP, or migrated with it), so their uplinks reach the"
          + " target only through a gateway connected to it: " + named
          + (more > 0 ? " and " + more + " more" : ""));
    }
  }

  /** The devices' exit code, made worse when the hand-over was not complete. */
  int combined(int devicesCode) {
    return devicesCode == ExitCodes.OK ? handOverCode : devicesCode;
  }

  private int run(GatewayJob.Part part) {
    boolean continueOnError = global.continueOnError;
    global.continueOnError = true;
    try {
      GatewayJob job = new GatewayJob(bound.gateways(gatewayIds.iterator(), false),
          global.dryRun, global.state, migration, part);
      return new PipelineRun(global, io, migration.target(), asTyped).run(job);
    } finally {
      global.continueOnError = continueOnError;
    }
  }
}
