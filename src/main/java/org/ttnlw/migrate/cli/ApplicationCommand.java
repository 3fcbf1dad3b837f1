package org.ttnlw.migrate.cli;

import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.export.DeviceList;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.source.ApplicationSettingsSource;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.IdSyntax;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceConfigException;
import org.ttnlw.migrate.source.SourceContext;
import org.ttnlw.migrate.source.SourceException;
import org.ttnlw.migrate.source.SourcePlugin;
import org.ttnlw.migrate.target.TargetConfig;
import org.ttnlw.migrate.target.TargetOptions;
import picocli.CommandLine.Command;
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
  private boolean withSettings;

  ApplicationCommand(GlobalOptions global, Io io, Map<String, BoundSource<?>> sources,
      TargetOptions target) {
    super(global, io, sources, target);
  }

  @Override
  String kind() {
    return "application";
  }

  @Override
  IdSyntax idSyntax(SourcePlugin<?> plugin) {
    return plugin.applicationIds();
  }

  @Override
  Iterator<DeviceRef> devices(Source source, Iterator<String> ids, boolean all,
      boolean deletesDevices) {
    return all ? DeviceList.ofAll(source, deletesDevices)
        : DeviceList.ofApplications(source, ids, deletesDevices);
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

  @Override
  Integer beforeDevices(BoundSource<?> bound, UnaryOperator<String> asTyped) {
    if (!withSettings) {
      return null;
    }
    if (!bound.plugin().hasApplicationSettings()) {
      throw new ParameterException(spec.commandLine(), "--with-application-settings needs a"
          + " source with application settings that move (ttnv3, chirpstack), not "
          + bound.plugin().name());
    }
    if (ids.size() != 1) {
      throw new ParameterException(spec.commandLine(), "--with-application-settings moves the"
          + " settings of one application into --target.app-id: give exactly one application ID");
    }
    try {
      TargetConfig config = TargetConfig.from(target());
      SourceContext context = new SourceContext(global().concurrency, global().timeout,
          global().retries);
      ApplicationSettings settings;
      try (ApplicationSettingsSource export = bound.openSettings(context)) {
        settings = ApplicationSettingsMove.read(export, ids.get(0), io());
      }
      int settingsMoved = ApplicationSettingsMove.importInto(config, null, global(), io(),
          settings);
      if (settingsMoved != ExitCodes.OK) {
        io().stderr().println("ttn-lw-migrate: the application settings do not match; no device"
            + " was moved");
      }
      return settingsMoved == ExitCodes.OK ? null : settingsMoved;
    } catch (SourceConfigException e) {
      io().stderr().println("ttn-lw-migrate: " + asTyped.apply(e.getMessage()));
      return ExitCodes.USAGE;
    } catch (SourceException e) {
      io().stderr().println("ttn-lw-migrate: error: " + e.getMessage());
      return ExitCodes.EXPORT_FAILED;
    }
  }
}
