package org.ttnlw.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ttnlw.migrate.gateways.GatewayFiles;
import org.ttnlw.migrate.gateways.GatewayJob;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.RunSettings;
import org.ttnlw.migrate.target.GatewayTargetOptions;
import org.ttnlw.migrate.target.HandOverOptions;
import org.ttnlw.migrate.target.TargetOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code import-gateways}: gateways from TTS JSON files registered in the target. */
@Command(name = "import-gateways", mixinStandardHelpOptions = true,
    description = {
        "Register gateways from TTS JSON files (the `gateway` command's output, or"
            + " `ttn-lw-cli gateways get`) in the target, owned by --target.collaborator, and"
            + " verify each by reading it back. A gateway already there that matches is left"
            + " alone; one that differs is reported, not overwritten.",
        "A file cannot say which gateways use LoRa Basics Station: give --create-lns-keys to"
            + " create an LNS key for each (written to --keys-file only). With --verify-timeout,"
            + " waits for each gateway to connect to the target."})
final class ImportGatewaysCommand extends BaseCommand {
  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Files of TTS JSON gateways, read in order. With none, stdin is read.")
  List<Path> files = new ArrayList<>();

  private final TargetOptions target;
  private final GatewayTargetOptions gateways;
  private final HandOverOptions handOver;

  ImportGatewaysCommand(GlobalOptions global, Io io, TargetOptions target,
      GatewayTargetOptions gateways, HandOverOptions handOver) {
    super(global, io);
    this.target = target;
    this.gateways = gateways;
    this.handOver = handOver;
  }

  @Override
  Outcome run(RunSettings settings) {
    Mode<GatewayJob.Migration> mode = new Mode.Import<>(GatewayJob.Migration.from(target,
        gateways, handOver, Optional.empty()));
    // One bad record must not keep the others out.
    RunSettings run = settings.continuingOnError();
    return runner().run(new GatewayJob(new GatewayFiles(files, io().stdin()), run, mode,
        GatewayJob.Part.WHOLE), run);
  }
}
