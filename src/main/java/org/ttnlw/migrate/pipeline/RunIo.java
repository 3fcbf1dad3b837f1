package org.ttnlw.migrate.pipeline;

import java.io.OutputStream;
import java.io.PrintStream;
import org.ttnlw.migrate.core.StopSignal;

/**
 * What a run uses of its process: stdout for the items, stderr for messages and progress, the
 * stop signal of Ctrl-C and SIGTERM.
 *
 * @param stdoutKind whether stdout is a pipe or a file others can read
 * @param liveProgress whether progress is one live line on a terminal rather than log lines
 */
public record RunIo(OutputStream stdout, PrintStream stderr, StopSignal stop,
    StdoutKind stdoutKind, boolean liveProgress) {}
