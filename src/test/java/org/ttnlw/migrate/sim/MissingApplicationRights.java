package org.ttnlw.migrate.sim;

/**
 * What ApplicationAccess/ListRights answers for an application that does not exist. The facts do
 * not say which TTS does, so the simulator offers both and the tool must cope with either.
 */
public enum MissingApplicationRights {
  /** An empty list of rights, the simulator's default. */
  EMPTY_LIST,
  /** NotFound, as ApplicationRegistry/Get answers ({@code application_not_found}). */
  NOT_FOUND
}
