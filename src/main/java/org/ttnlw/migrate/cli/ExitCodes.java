package org.ttnlw.migrate.cli;

/** The process exit codes, for scripts that run migrations. */
public final class ExitCodes {
  /** Every device exported and finished on the source. */
  public static final int OK = 0;
  /** The export stopped at a device; those before it are complete. */
  public static final int EXPORT_FAILED = 1;
  /** Bad flags, arguments or configuration; nothing was exported. */
  public static final int USAGE = 2;
  /** With --continue-on-error: some devices failed; they are listed at the end. */
  public static final int SOME_FAILED = 3;
  /** Stopped by Ctrl-C or SIGTERM (128 + SIGINT). */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
