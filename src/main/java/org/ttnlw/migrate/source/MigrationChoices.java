package org.ttnlw.migrate.source;

/**
 * What the operator chose for the exported devices, through the source's flags.
 *
 * @param noSession export without the active session, so devices join (or restart
 *     their frame counters) on the new network
 * @param deleteSourceDevice delete each exported device from the source instead of
 *     only disabling its downlinks
 */
public record MigrationChoices(boolean noSession, boolean deleteSourceDevice) {}
