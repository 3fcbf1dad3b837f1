package org.ttnlw.migrate.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.RunSettings;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.settings.ApplicationCreationOptions;
import org.ttnlw.migrate.settings.ApplicationSettingsMove;
import org.ttnlw.migrate.settings.SettingsFile;
import org.ttnlw.migrate.target.TargetConfig;
import org.ttnlw.migrate.target.TargetOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "import-application-settings", mixinStandardHelpOptions = true,
    description = {
        "Make the target application match a file written by `application-settings`, item by"
            + " item: equal items are left alone, missing ones created, differing ones updated"
            + " when asked (--target.update-existing; otherwise listed, exit code 3). The target"
            + " application is --target.app-id. Nothing in the target is deleted. Each write is read back"
            + " and compared. --dry-run tells what would change.",
        "The results go to stderr, one line per item; stdout stays empty."})
final class ImportApplicationSettingsCommand extends BaseCommand {
  @Parameters(paramLabel = "FILE", arity = "1",
      description = "Settings file holding one application.")
  Path file;

  private final TargetOptions target;
  private final ApplicationCreationOptions creation;

  ImportApplicationSettingsCommand(GlobalOptions global, Io io, TargetOptions target,
      ApplicationCreationOptions creation) {
    super(global, io);
    this.target = target;
    this.creation = creation;
  }

  @Override
  Outcome run(RunSettings settings) {
    TargetConfig config = TargetConfig.from(target);
    List<ApplicationSettings> documents;
    try {
      documents = SettingsFile.read(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + e.getMessage());
    }
    if (documents.size() != 1) {
      throw new ConfigException(file + " holds " + documents.size() + " applications;"
          + " import one file per target application");
    }
    return ApplicationSettingsMove.importInto(config, creation.owner(), settings,
        io().stderr(), documents.get(0));
  }
}
