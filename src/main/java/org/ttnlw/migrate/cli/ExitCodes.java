package org.ttnlw.migrate.cli;

/** The process exit codes, for scripts that run migrations. */
public final class ExitCodes {
  /** Every device exported and finished on the source. */
  public static final int OK = 0;
  /** The export stopped at a device; those before it are complete. */
  public static final int EXPORT_FAILED = 1;
  /** Bad flags, arguments or configuration; nothing was exported. */
  public static final int USAGE = 2;
  /** Stopped by Ctrl-C or SIGTERM (128 + SIGINT). */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
