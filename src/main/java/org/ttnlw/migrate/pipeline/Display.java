package org.ttnlw.migrate.pipeline;

/**
 * How a run shows itself on stderr.
 *
 * @param live one progress line redrawn in place (stderr is a terminal), rather than log lines
 * @param columns the terminal's width, which the live line stays inside
 * @param quiet only errors and the summary: no progress, no warnings along the way
 * @param verbose each call and item logged, and the items of each notice listed at the end
 */
public record Display(boolean live, int columns, boolean quiet, boolean verbose) {}
