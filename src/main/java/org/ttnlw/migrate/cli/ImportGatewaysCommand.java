package org.ttnlw.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.gateways.GatewayJob;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.json.GatewayJsonFiles;
import org.ttnlw.migrate.target.GatewayTargetOptions;
import org.ttnlw.migrate.target.HandOverOptions;
import org.ttnlw.migrate.target.TargetOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
final class ImportGatewaysCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Files of TTS JSON gateways, read in order. With none, stdin is read.")
  List<Path> files = new ArrayList<>();

  private final GlobalOptions global;
  private final Io io;
  private final TargetOptions target;
  private final GatewayTargetOptions gateways;
  private final HandOverOptions handOver;

  ImportGatewaysCommand(GlobalOptions global, Io io, TargetOptions target,
      GatewayTargetOptions gateways, HandOverOptions handOver) {
    this.global = global;
    this.io = io;
    this.target = target;
    this.gateways = gateways;
    this.handOver = handOver;
  }

  @Override
  public Integer call() {
    global.check(spec.commandLine());
    Logging.configure(global.verbose);
    // One bad record must not keep the others out.
    global.continueOnError = true;
    GatewayJob.Reading fromFiles = new GatewayJob.Reading() {
      @Override
      public GatewaySource open(CallSettings context) {
        return new GatewayJsonFiles(files, io.stdin());
      }

      @Override
      public Iterator<GatewayRef> items(GatewaySource source) {
        return source.listAll();
      }

      @Override
      public boolean deletesSource() {
        return false;
      }

      @Override
      public boolean knowsLnsKeys() {
        return false;
      }
    };
    return new PipelineRun(global, io, target, UnaryOperator.identity()).run(new GatewayJob(
        fromFiles, global.dryRun, global.state, new GatewayJob.Migration(target, gateways, handOver,
            Optional.empty())));
  }
}
