package org.ttnlw.migrate.source.awsiot;

import static org.ttnlw.migrate.sim.awsiot.AwsSamples.ABP_ID;
import static org.ttnlw.migrate.sim.awsiot.AwsSamples.DESTINATION;
import static org.ttnlw.migrate.sim.awsiot.AwsSamples.OTAA_ID;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.sim.awsiot.AwsSamples;
import org.ttnlw.migrate.sim.awsiot.IotWirelessFake;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceContract;

/**
 * The AWS IoT Core source against the IoT Wireless fake over HTTP. AWS cannot disable a device:
 * it is kept or deleted.
 */
class AwsIotSourceContractTest extends SourceContract {
  private static final String MISSING_ID = "6a5e5b0c-9999-4c0e-9f00-000000000009";
  private IotWirelessFake fake;

  AwsIotSourceContractTest() {
    super(Change.REFUSED, Change.DONE);
  }

  @BeforeAll
  static void credentials() {
    IotWirelessFake.useAsDefaultCredentials();
  }

  @BeforeEach
  void start() {
    fake = AwsSamples.seededFake();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Override
  protected Source connect() {
    return open(new AwsIotSourcePlugin(), "--app-id", "my-app", "--frequency-plan-id",
        "US_902_928_FSB_2", "--endpoint-url", fake.endpoint());
  }

  @Override
  protected Iterator<DeviceRef> list(Source source) {
    return source.listDevices(DESTINATION);
  }

  @Override
  protected List<String> listedIds() {
    return List.of(OTAA_ID, ABP_ID);
  }

  @Override
  protected Map<String, String> operatorSpellings() {
    return Map.of(OTAA_ID, OTAA_ID, ABP_ID, ABP_ID);
  }

  @Override
  protected String missingId() {
    return MISSING_ID;
  }

  @Override
  protected boolean isDisabled(DeviceRef device) {
    return false; // AWS has no such state; REFUSED also checks that nothing was deleted
  }

  @Override
  protected boolean isDeleted(DeviceRef device) {
    return !fake.exists(device.deviceId());
  }
}
