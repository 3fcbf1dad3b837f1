package org.ttnlw.migrate.source;

/**
 * What the operator chose for the exported devices, through the source's flags.
 *
 * @param noSession export without the active session, so devices join (or restart
 *     their frame counters) on the new network
 * @param afterExport what is done to each device at the source once it is safe elsewhere
 * @param disabledLabel how the summary names devices that {@link SourceStep#DISABLE} handled,
 *     e.g. "downlinks disabled" for TTS, "disabled" for a source that disables devices outright
 */
public record MigrationChoices(boolean noSession, SourceStep afterExport, String disabledLabel) {}
