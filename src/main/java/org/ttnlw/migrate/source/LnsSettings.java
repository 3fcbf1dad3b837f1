package org.ttnlw.migrate.source;

import com.google.protobuf.ByteString;

/**
 * Where a LoRa Basics Station gateway's CUPS server sends it: the Gateway Server address and
 * the LNS key it hands out. Changing them at the source is the documented CUPS redirect.
 */
public record LnsSettings(String gatewayServerAddress, ByteString lnsSecret) {
  @Override
  public String toString() {
    return "LnsSettings[" + gatewayServerAddress + ", secret redacted]";
  }
}
