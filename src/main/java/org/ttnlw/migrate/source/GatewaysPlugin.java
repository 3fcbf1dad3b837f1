package org.ttnlw.migrate.source;

import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.core.IdSyntax;

/**
 * A source plugin whose source also has gateways: the {@code gateway} commands and {@code
 * --with-gateways} are offered for it.
 */
public interface GatewaysPlugin<O> extends SourcePlugin<O> {

  /** How the IDs that {@code gateway} takes are written; TTS IDs unless the source differs. */
  default IdSyntax gatewayIds() {
    return DeviceIds.SYNTAX;
  }

  /** Whether a migrated gateway is deleted at the source once it is connected to the target. */
  boolean deletesSourceGateways(O options);

  /**
   * Checks the options that gateways need and connects lazily.
   *
   * @throws ConfigException when a setting is missing or wrong
   */
  GatewaySource openGateways(O options, CallSettings context);
}
