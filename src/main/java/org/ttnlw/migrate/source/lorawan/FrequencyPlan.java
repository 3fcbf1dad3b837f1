package org.ttnlw.migrate.source.lorawan;

/**
 * A TTS frequency plan.
 *
 * @param bandId the LoRaWAN band the plan belongs to, e.g. {@code EU_863_870}
 */
public record FrequencyPlan(String id, String bandId, String description) {}
