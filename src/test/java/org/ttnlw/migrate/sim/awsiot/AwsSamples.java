package org.ttnlw.migrate.sim.awsiot;

/**
 * Devices and device profiles as IoT Wireless returns them (GetWirelessDevice and
 * GetDeviceProfile JSON, member names as in the service model). Values are the service's units:
 * frequencies in 100 Hz, timeouts in seconds, the ping period in slots.
 */
public final class AwsSamples {
  public static final String OTAA_ID = "6a5e5b0c-1111-4c0e-9f00-000000000001";
  public static final String OTAA_DEV_EUI = "A84041000181C61A";
  public static final String ABP_ID = "6a5e5b0c-2222-4c0e-9f00-000000000002";
  public static final String ABP_DEV_EUI = "70B3D57ED0000002";
  public static final String SIDEWALK_ID = "6a5e5b0c-3333-4c0e-9f00-000000000003";
  public static final String DESTINATION = "meters";
  public static final String APP_KEY = "0123456789ABCDEF0123456789ABCDEF";
  public static final String NWK_S_KEY = "11111111111111111111111111111111";
  public static final String APP_S_KEY = "22222222222222222222222222222222";

  private AwsSamples() {}

  /** A US915 class A OTAA profile, LoRaWAN 1.0.3 with RP002-1.0.1, nothing else set. */
  /** A fake holding both profiles and the OTAA, ABP and Sidewalk devices, its caller to close. */
  public static IotWirelessFake seededFake() {
    return new IotWirelessFake()
        .putProfile(otaaProfile())
        .putProfile(abpProfile())
        .putDevice(otaaDevice())
        .putDevice(abpDevice())
        .putDevice(sidewalkDevice(DESTINATION));
  }

  public static String otaaProfile() {
    return """
        {"Arn": "arn:aws:iotwireless:us-east-1:123456789012:DeviceProfile/dp-otaa",
         "Id": "dp-otaa", "Name": "otaa-us915",
         "LoRaWAN": {"MacVersion": "1.0.3", "RegParamsRevision": "RP002-1.0.1",
                     "RfRegion": "US915", "SupportsJoin": true}}""";
  }

  /** An ABP class B and C profile with every member set, at the given MaxEirp/MaxDutyCycle. */
  public static String abpProfile() {
    return """
        {"Arn": "arn:aws:iotwireless:us-east-1:123456789012:DeviceProfile/dp-abp",
         "Id": "dp-abp", "Name": "abp-us915",
         "LoRaWAN": {"SupportsClassB": true, "ClassBTimeout": 8, "PingSlotPeriod": 128,
                     "PingSlotDr": 8, "PingSlotFreq": 9233000,
                     "SupportsClassC": true, "ClassCTimeout": 1000,
                     "MacVersion": "1.0.2", "RegParamsRevision": "Regional Parameters v1.0.2rB",
                     "RxDelay1": 1, "RxDrOffset1": 0, "RxDataRate2": 8, "RxFreq2": 9233000,
                     "FactoryPresetFreqsList": [9023000, 9025000, 9027000],
                     "MaxEirp": 13, "MaxDutyCycle": 10, "RfRegion": "US915",
                     "SupportsJoin": false, "Supports32BitFCnt": true}}""";
  }

  public static String otaaDevice(String id, String devEui, String destination) {
    return """
        {"Type": "LoRaWAN", "Name": "meter %2$s", "Description": "basement",
         "DestinationName": "%3$s", "Id": "%1$s",
         "Arn": "arn:aws:iotwireless:us-east-1:123456789012:WirelessDevice/%1$s",
         "ThingName": "thing-%2$s",
         "LoRaWAN": {"DevEui": "%2$s", "DeviceProfileId": "dp-otaa", "ServiceProfileId": "sp-1",
                     "OtaaV1_0_x": {"AppKey": "%4$s", "AppEui": "70B3D57ED0000000"}}}"""
        .formatted(id, devEui, destination, APP_KEY);
  }

  public static String otaaDevice() {
    return otaaDevice(OTAA_ID, OTAA_DEV_EUI, DESTINATION);
  }

  /** The sample OTAA device with a GenAppKey (multicast and FUOTA key derivation). */
  public static String otaaDeviceWithGenAppKey() {
    return otaaDevice().replace("\"AppEui\"",
        "\"GenAppKey\": \"33333333333333333333333333333333\", \"AppEui\"");
  }

  public static String abpDevice() {
    return """
        {"Type": "LoRaWAN", "Name": "valve", "DestinationName": "%3$s", "Id": "%1$s",
         "Arn": "arn:aws:iotwireless:us-east-1:123456789012:WirelessDevice/%1$s",
         "LoRaWAN": {"DevEui": "%2$s", "DeviceProfileId": "dp-abp", "ServiceProfileId": "sp-1",
                     "AbpV1_0_x": {"DevAddr": "260B1234", "FCntStart": 7,
                                   "SessionKeys": {"NwkSKey": "%4$s", "AppSKey": "%5$s"}},
                     "FPorts": {"Fuota": 201, "ClockSync": 202}}}"""
        .formatted(ABP_ID, ABP_DEV_EUI, DESTINATION, NWK_S_KEY, APP_S_KEY);
  }

  public static String sidewalkDevice(String destination) {
    return """
        {"Type": "Sidewalk", "Name": "tracker", "DestinationName": "%2$s", "Id": "%1$s",
         "Arn": "arn:aws:iotwireless:us-east-1:123456789012:WirelessDevice/%1$s",
         "Sidewalk": {"SidewalkId": "sw-1", "SidewalkManufacturingSn": "SN1"}}"""
        .formatted(SIDEWALK_ID, destination);
  }
}
