package org.ttnlw.migrate.source.firefly;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.sim.firefly.FireflyFake;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceContract;

/**
 * The Firefly source against the Firefly fake over HTTP. Disabling invalidates the device's keys
 * (new random ones); Firefly devices are never deleted.
 */
class FireflySourceContractTest extends SourceContract {
  private static final String OTAA = FireflyFake.OTAA_EUI.toLowerCase(Locale.ROOT);
  private static final String ABP = FireflyFake.ABP_EUI.toLowerCase(Locale.ROOT);
  private FireflyFake firefly;

  FireflySourceContractTest() {
    super(Change.DONE, Change.REFUSED);
  }

  @BeforeEach
  void start() {
    firefly = new FireflyFake().sampleDevices()
        .listing("meters", FireflyFake.ABP_EUI, FireflyFake.OTAA_EUI);
  }

  @AfterEach
  void stop() {
    firefly.close();
  }

  @Override
  protected Source connect() {
    return open(new FireflySourcePlugin(), "--host", firefly.host(), "--api-key",
        FireflyFake.API_KEY, "--use-http", "--app-id", "my-app", "--frequency-plan-id",
        "EU_863_870_TTN", "--mac-version", "1.0.2b", "--join-eui", "70B3D57ED0000001");
  }

  @Override
  protected Iterator<DeviceRef> list(Source source) {
    return source.listDevices("meters");
  }

  @Override
  protected List<String> listedIds() {
    return List.of(ABP, OTAA);
  }

  @Override
  protected Map<String, String> operatorSpellings() {
    return Map.of(FireflyFake.OTAA_EUI, OTAA, " " + ABP + " ", ABP);
  }

  @Override
  protected String missingId() {
    return "0004A30B001C05FF";
  }

  @Override
  protected boolean isDisabled(DeviceRef device) {
    return !firefly.putsTo(device.deviceId()).isEmpty();
  }

  @Override
  protected boolean isDeleted(DeviceRef device) {
    return firefly.requests().stream()
        .anyMatch(request -> request.getMethod() == RequestMethod.DELETE);
  }
}
