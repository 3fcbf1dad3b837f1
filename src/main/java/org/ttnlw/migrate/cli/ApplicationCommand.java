package org.ttnlw.migrate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ttnlw.migrate.gateways.GatewayJob;
import org.ttnlw.migrate.gateways.GatewaysWithDevices;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.settings.ApplicationSettingsMove;
import org.ttnlw.migrate.source.ApplicationSettingsSource;
import org.ttnlw.migrate.source.DeviceFilter;
import org.ttnlw.migrate.source.GatewaysPlugin;
import org.ttnlw.migrate.source.SettingsPlugin;
import org.ttnlw.migrate.target.GatewayTargetOptions;
import org.ttnlw.migrate.target.HandOverOptions;
import org.ttnlw.migrate.target.TargetConfig;
import org.ttnlw.migrate.target.TargetOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

@Command(name = "application", aliases = {"applications", "app"},
    mixinStandardHelpOptions = true,
    description = {
        "Export every end device of the given applications, one application after another,"
            + " as TTS JSON on stdout, one device per line.",
        "After a device's JSON is written, it is taken out of service at the source, unless"
            + " --dry-run: ttnv3 disables its downlinks, chirpstack disables the device, firefly"
            + " invalidates its keys with --invalidate-keys; with the source's delete flag it is"
            + " deleted there. `ttn-lw-migrate sources` and docs/ say what each source does."})
final class ApplicationCommand extends ExportCommand {
  @Mixin
  FilterOptions filterOptions = new FilterOptions();

  private boolean withSettings;
  private final List<String> withGateways = new ArrayList<>();
  private TargetOptions target;
  private GatewayTargetOptions gatewayTarget;
  private HandOverOptions handOverOptions;

  ApplicationCommand(GlobalOptions global, Io io, Map<String, BoundSource<?>> sources,
      Supplier<Mode<TargetConfig>> mode) {
    super(global, io, sources, mode);
  }

  @Override
  List<DeviceFilter> filters() {
    return filterOptions.filters;
  }

  /** Adds {@code --with-application-settings}, for {@code migrate application} only. */
  void offerSettingsOption(CommandSpec command) {
    command.addOption(OptionSpec.builder("--with-application-settings")
        .description("First make the target application's settings (name, contacts, default"
            + " formatters, webhooks, pub/subs, package default associations) match the source"
            + " application's, as import-application-settings does; the devices move only when"
            + " they match (from ChirpStack: name, description, tags and the HTTP integration)."
            + " One application ID.")
        .setter(new picocli.CommandLine.Model.ISetter() {
          @Override
          public <T> T set(T value) {
            withSettings = Boolean.TRUE.equals(value);
            return null;
          }
        })
        .type(boolean.class)
        .arity("0")
        .build());
  }

  /**
   * Adds {@code --with-gateways}, for {@code migrate application} only, with the flags the
   * gateways' registration and hand-over take; {@code hidden} from the help.
   */
  void offerGatewaysOption(CommandSpec command, boolean hidden, TargetOptions target,
      GatewayTargetOptions gatewayTarget, HandOverOptions handOver) {
    this.target = target;
    this.gatewayTarget = gatewayTarget;
    this.handOverOptions = handOver;
    command.addOption(OptionSpec.builder("--with-gateways")
        .paramLabel("GTW-ID[,GTW-ID...]")
        .hidden(hidden)
        .description("Move these gateways with the devices (repeatable, or comma lists): they are"
            + " registered in the target first, the devices are created and verified, then the"
            + " gateways are handed over as `migrate gateway` does, with the same flags, and only"
            + " then are the devices stopped at the source. For devices that keep their DevAddr"
            + " (ABP, or with their session).")
        .type(List.class)
        .auxiliaryTypes(String.class)
        .splitRegex(",")
        .setter(new picocli.CommandLine.Model.ISetter() {
          @Override
          @SuppressWarnings("unchecked")
          public <T> T set(T value) {
            withGateways.clear();
            if (value == null) {
              return null; // picocli's reset to the initial value before parsing
            }
            ((List<String>) value).stream().map(String::strip).filter(id -> !id.isEmpty())
                .forEach(withGateways::add);
            return null;
          }
        })
        .build());
  }

  @Override
  void checkOptions(BoundSource<?> bound) {
    if (withSettings) {
      checkSettingsOptions(bound);
    }
    if (withGateways.isEmpty()) {
      return;
    }
    if (!(bound.plugin() instanceof GatewaysPlugin<?> gatewaysPlugin)) {
      throw new ParameterException(spec.commandLine(), "--with-gateways needs a source with"
          + " gateways (ttnv3, chirpstack), not " + bound.plugin().name());
    }
    for (String id : withGateways) {
      String problem = gatewaysPlugin.gatewayIds().problem(id);
      if (problem != null) {
        throw new ParameterException(spec.commandLine(), "invalid gateway ID \"" + id
            + "\" in --with-gateways: " + problem);
      }
    }
  }

  private void checkSettingsOptions(BoundSource<?> bound) {
    if (!(bound.plugin() instanceof SettingsPlugin<?>)) {
      throw new ParameterException(spec.commandLine(), "--with-application-settings needs a"
          + " source with application settings that move (ttnv3, chirpstack), not "
          + bound.plugin().name());
    }
    if (ids.size() != 1) {
      throw new ParameterException(spec.commandLine(), "--with-application-settings moves the"
          + " settings of one application into --target.app-id: give exactly one application ID");
    }
  }

  @Override
  Outcome move(DeviceRun devices) {
    if (withGateways.isEmpty()) {
      Outcome settingsMoved = moveSettings(devices);
      return settingsMoved == Outcome.OK ? devices.run(Optional.empty()) : settingsMoved;
    }
    BoundSource<?> bound = devices.bound();
    GatewaysWithDevices gateways = new GatewaysWithDevices(bound::openGateways,
        bound.deletesSourceGateways(), withGateways, devices.settings(),
        GatewayJob.Migration.from(target, gatewayTarget, handOverOptions,
            Optional.of(GatewayCommand.MIGRATE_TIMEOUT)),
        devices.runner(), io().stderr(), exitCodes()::refused);
    Outcome settingsMoved = moveSettings(devices);
    if (settingsMoved != Outcome.OK) {
      return settingsMoved;
    }
    Outcome registered = gateways.register();
    if (registered != Outcome.OK) {
      io().stderr().println("ttn-lw-migrate: not every gateway could be registered in the target;"
          + " no device was moved");
      return registered;
    }
    return gateways.combined(devices.run(Optional.of(gateways::handOver)));
  }

  /**
   * With {@code --with-application-settings}, the source application's settings made to match
   * in the target application; OK without it.
   */
  private Outcome moveSettings(DeviceRun devices) {
    if (!withSettings) {
      return Outcome.OK;
    }
    ApplicationSettings settings;
    try (ApplicationSettingsSource export = devices.bound().openSettings(
        devices.settings().calls())) {
      settings = ApplicationSettingsMove.read(export, ids.get(0), io().stderr());
    }
    Outcome moved = ApplicationSettingsMove.importInto(devices.mode().target().orElseThrow(),
        null, devices.settings(), io().stderr(), settings);
    if (moved != Outcome.OK) {
      io().stderr().println("ttn-lw-migrate: the application settings do not match; no device"
          + " was moved");
    }
    return moved;
  }
}
