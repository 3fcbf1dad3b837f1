package org.ttnlw.migrate.sim.awsiot;

/**
 * Runs the IoT Wireless fake until killed, with the sample OTAA and ABP devices of destination
 * {@code meters}, for trying the tool by hand and for docs/performance.md's start-up figures.
 * Point the tool at it with the environment it prints.
 */
public final class IotWirelessFakeMain {
  private IotWirelessFakeMain() {}

  public static void main(String[] args) throws InterruptedException {
    IotWirelessFake fake = new IotWirelessFake()
        .putProfile(AwsSamples.otaaProfile())
        .putProfile(AwsSamples.abpProfile())
        .putDevice(AwsSamples.otaaDevice())
        .putDevice(AwsSamples.abpDevice());
    Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
    System.err.println("IoT Wireless fake; use:");
    System.err.println("  AWS_ENDPOINT_URL_IOT_WIRELESS=" + fake.endpoint());
    System.err.println("  AWS_REGION=" + IotWirelessFake.REGION);
    System.err.println("  AWS_ACCESS_KEY_ID=" + IotWirelessFake.ACCESS_KEY);
    System.err.println("  AWS_SECRET_ACCESS_KEY=anything (the fake checks key ID and region, not the"
        + " signature)");
    System.err.println("devices " + AwsSamples.OTAA_ID + " (OTAA), " + AwsSamples.ABP_ID
        + " (ABP)");
    Thread.currentThread().join();
  }
}
