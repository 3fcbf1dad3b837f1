package org.ttnlw.migrate.pipeline;

import com.google.protobuf.Message;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ttnlw.migrate.tts.SecretFields;

/**
 * What a run says about where its items go when that place is no safe record: a pipe in front
 * of a source step that cannot be undone, a reader that went away, a file others can read that
 * receives keys.
 */
final class OutputWarnings {
  private final PrintStream stderr;
  private final StdoutKind stdout;
  private final Path output;
  private final String items;

  /** @param output the --output file, or null for stdout */
  OutputWarnings(RunIo io, Path output, String items) {
    this.stderr = io.stderr();
    this.stdout = io.stdoutKind();
    this.output = output;
    this.items = items;
  }

  /**
   * Said before the first item when each is changed at the source for good as soon as its line
   * is in a pipe.
   *
   * @param finalStep the step that cannot be undone, e.g. "deleted"; empty if there is none
   * @return whether it was said, which points to --output
   */
  boolean beforeFinalStep(Optional<String> finalStep) {
    boolean due = output == null && stdout == StdoutKind.PIPE && finalStep.isPresent();
    if (due) {
      stderr.println("ttn-lw-migrate: warning: stdout is a pipe, and each of the " + items
          + " is " + finalStep.get() + " at the source as soon as its line is in the pipe,"
          + " whether or not the reader keeps it; write them to a file with --output FILE, or"
          + " use `migrate`, which verifies each in the target before changing the source");
    }
    return due;
  }

  /** The transform, which now warns once when an item holding keys goes where others read. */
  <T extends Message> Transform<T> watchingSecrets(Transform<T> transform) {
    String shared = output == null
        ? (stdout == StdoutKind.SHARED_FILE ? "stdout is a file" : null)
        : (StdoutKind.of(output) == StdoutKind.SHARED_FILE ? output + " is a file" : null);
    if (shared == null) {
      return transform;
    }
    AtomicBoolean said = new AtomicBoolean();
    return transform.andThen(item -> {
      if (!said.get() && SecretFields.in(item) && !said.getAndSet(true)) {
        stderr.println("ttn-lw-migrate: warning: " + shared + " that others can read, and the "
            + items + " written to it hold keys; make it readable by you only (chmod 600)");
      }
      return item;
    });
  }

  /** After a run that stopped because stdout's reader went: what was changed at the source. */
  void ifReaderGone(Throwable failure, ExportSummary summary) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof LineWriter.ReaderGoneException) {
        long changed = summary.deleted() + summary.disabled();
        stderr.println("ttn-lw-migrate: stdout's reader has gone, so the run stopped before"
            + " changing any other " + noun() + " at the source: " + (changed == 0 ? "none was"
            : changed + " " + (changed == 1 ? noun() + " was" : items + " were"))
            + " changed there (" + summary.disabledLabel() + " " + summary.disabled()
            + ", deleted " + summary.deleted() + "), each once its line was in the pipe, which"
            + " does not prove that the reader kept it");
        return;
      }
    }
  }

  private String noun() {
    return items.substring(0, items.length() - 1);
  }
}
