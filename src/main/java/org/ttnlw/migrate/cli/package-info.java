/**
 * The commands: picocli classes, flag groups, help and completion, Main, exit codes, logging
 * set-up, the list of sources, and the wiring of one run (PipelineRun). May import every
 * package.
 */
package org.ttnlw.migrate.cli;
