package org.ttnlw.migrate.core;

/**
 * A gateway as the source knows it: its key there, as the operator writes it (a TTS gateway ID,
 * a ChirpStack gateway EUI). The gateway exported from it carries the target's ID.
 */
public record GatewayRef(String id) {
  @Override
  public String toString() {
    return id;
  }
}
