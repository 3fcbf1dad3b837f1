package org.ttnlw.migrate.pipeline;

import java.io.OutputStream;
import java.io.PrintStream;
import org.ttnlw.migrate.core.StopSignal;

/**
 * What a run uses of its process: stdout for the items, stderr for messages and progress, the
 * stop signal of Ctrl-C and SIGTERM.
 *
 * @param stdoutKind whether stdout is a pipe or a file others can read
 * @param display how progress, notices and the summary are shown on stderr
 */
public record RunIo(OutputStream stdout, PrintStream stderr, StopSignal stop,
    StdoutKind stdoutKind, Display display) {}
