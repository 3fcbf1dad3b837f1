/**
 * The commands only: picocli classes on BaseCommand (the global flags checked once into
 * RunSettings, a Mode with the checked target, one exception and outcome to exit-code mapping in
 * ExitCodeMapper), flag groups, help and completion, Main, logging set-up and the list of
 * sources. May import every package.
 */
package org.ttnlw.migrate.cli;
