package org.ttnlw.migrate.source;

import java.util.List;

/**
 * What a run will ask of its source, for the pre-flight that checks it before the first device.
 *
 * @param applicationIds the applications the run lists, as given; empty when the devices are named
 *     by ID (the source's own application setting applies) or the run reads every device
 * @param step what is done to each device at the source once it is safe elsewhere ({@link
 *     SourceStep#KEEP} in a dry run)
 * @param recreates whether devices a run deleted at the source are created there again, with
 *     their keys ({@code undo})
 */
public record SourceNeeds(List<String> applicationIds, SourceStep step, boolean recreates) {
  public SourceNeeds(List<String> applicationIds, SourceStep step) {
    this(applicationIds, step, false);
  }
}
