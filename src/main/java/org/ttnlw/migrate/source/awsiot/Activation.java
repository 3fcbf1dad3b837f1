package org.ttnlw.migrate.source.awsiot;

import java.util.ArrayList;
import java.util.List;
import org.ttnlw.migrate.proto.MACVersion;
import software.amazon.awssdk.services.iotwireless.model.LoRaWANDevice;

/** How a device joins, decided by the activation object AWS holds for it (exactly one). */
enum Activation {
  OTAA_V1_0_X("OtaaV1_0_x", true, false),
  OTAA_V1_1("OtaaV1_1", true, true),
  ABP_V1_0_X("AbpV1_0_x", false, false),
  ABP_V1_1("AbpV1_1", false, true);

  private final String member;
  private final boolean otaa;
  private final boolean lorawan11;

  Activation(String member, boolean otaa, boolean lorawan11) {
    this.member = member;
    this.otaa = otaa;
    this.lorawan11 = lorawan11;
  }

  boolean otaa() {
    return otaa;
  }

  String member() {
    return member;
  }

  /** @throws IllegalArgumentException unless exactly one activation object is set */
  static Activation of(LoRaWANDevice device) {
    List<Activation> present = new ArrayList<>();
    if (device.otaaV1_0_x() != null) {
      present.add(OTAA_V1_0_X);
    }
    if (device.otaaV1_1() != null) {
      present.add(OTAA_V1_1);
    }
    if (device.abpV1_0_x() != null) {
      present.add(ABP_V1_0_X);
    }
    if (device.abpV1_1() != null) {
      present.add(ABP_V1_1);
    }
    if (present.size() != 1) {
      throw new IllegalArgumentException(present.isEmpty()
          ? "has none of OtaaV1_0_x, OtaaV1_1, AbpV1_0_x, AbpV1_1"
          : "has more than one activation: " + present.stream().map(a -> a.member).toList());
    }
    return present.get(0);
  }

  /**
   * Why this activation contradicts the profile, or null when it fits: its OTAA/ABP against
   * SupportsJoin, its 1.1 or 1.0.x keys against the MAC version.
   */
  String conflict(Boolean supportsJoin, MACVersion macVersion) {
    if (supportsJoin != null && supportsJoin != otaa) {
      return "the device has " + member + " but its profile says SupportsJoin=" + supportsJoin;
    }
    if (lorawan11 != (macVersion == MACVersion.MAC_V1_1)) {
      return "the device has " + member + " but its MAC version is " + macVersion;
    }
    return null;
  }
}
