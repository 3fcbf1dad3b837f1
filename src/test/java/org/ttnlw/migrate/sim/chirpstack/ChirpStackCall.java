package org.ttnlw.migrate.sim.chirpstack;

/**
 * One call the ChirpStack simulator received.
 *
 * @param method {@code Service/Method}, e.g. {@code DeviceService/Get}
 * @param target the DevEUI, gateway EUI, application or profile UUID the call names, as sent
 */
public record ChirpStackCall(long sequence, String method, String target) {
  public boolean isWrite() {
    return method.endsWith("/Create") || method.endsWith("/Update") || method.endsWith("/Delete")
        || method.endsWith("/CreateKeys") || method.endsWith("/Activate");
  }

  @Override
  public String toString() {
    return method + " " + target;
  }
}
