package org.ttnlw.migrate.pipeline;

/** The export stopped at a failure; devices before the failing one were written and finished. */
public final class ExportFailedException extends RuntimeException {
  private final ExportSummary summary;

  public ExportFailedException(String message, Throwable cause, ExportSummary summary) {
    super(message, cause);
    this.summary = summary;
  }

  public ExportSummary summary() {
    return summary;
  }
}
