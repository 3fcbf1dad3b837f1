package org.ttnlw.migrate.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.ttnlw.migrate.core.Secrets;

/**
 * The report of a command ({@code --report FILE}): what a script needs to know of the run, as
 * JSON. Written to a file beside it and renamed over FILE, so that FILE is either the whole
 * report or untouched; every text in it has its keys masked, as on stderr.
 */
public final class ReportFile {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ReportFile() {}

  /**
   * @param tool the tool's name and version
   * @param command the command as typed without its arguments, e.g. "ttn-lw-migrate migrate
   *     application"
   * @param error the message of what ended the command, or null
   */
  public record Command(String tool, String command, Instant started, Duration duration,
      int exitCode, String error) {}

  public static void write(Path path, Command command, List<RunRecord> runs) throws IOException {
    ObjectNode report = JSON.createObjectNode();
    report.put("tool", command.tool());
    report.put("command", command.command());
    report.put("started", command.started().toString());
    report.put("duration_seconds", command.duration().toMillis() / 1000.0);
    report.put("exit_code", command.exitCode());
    if (command.error() != null) {
      report.put("error", Secrets.mask(command.error()));
    }
    ArrayNode runList = report.putArray("runs");
    runs.forEach(run -> run(runList.addObject(), run));
    Path absolute = path.toAbsolutePath();
    Path partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(),
        ".partial");
    try {
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(report) + "\n")
            .getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static void run(ObjectNode node, RunRecord run) {
    ExportSummary summary = run.summary();
    node.put("items", run.items());
    node.put("outcome", run.outcome().name().toLowerCase(Locale.ROOT));
    node.put("interrupted", summary.interrupted());
    ObjectNode counts = node.putObject("counts");
    counts.put(run.verb(), summary.exported());
    summary.outcomes().forEach(counts::put);
    counts.put("finished, exported by an earlier run", summary.resumed());
    counts.put(summary.disabledLabel(), summary.disabled());
    counts.put("deleted", summary.deleted());
    counts.put("skipped", summary.skipped());
    counts.put("failed", summary.failures().size());
    ArrayNode failures = node.putArray("failures");
    summary.failures().forEach(failure -> failures.addObject()
        .put("item", failure.item())
        .put("cause", Secrets.mask(failure.cause())));
    ArrayNode notices = node.putArray("notices");
    run.notices().forEach((notice, items) -> {
      ObjectNode entry = notices.addObject().put("notice", notice).put("count", items.size());
      items.forEach(entry.putArray("items")::add);
    });
    ArrayNode outcomes = node.putArray("item_outcomes");
    for (ItemOutcomes.Entry entry : run.outcomes()) {
      ObjectNode item = outcomes.addObject().put("item", entry.item())
          .put("outcome", entry.outcome());
      if (entry.sourceStep() != null) {
        item.put("source", entry.sourceStep());
      }
      if (entry.cause() != null) {
        item.put("cause", Secrets.mask(entry.cause()));
      }
    }
  }
}
