package org.ttnlw.migrate.sim.firefly;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.ttnlw.migrate.sim.ThrowawayCa;

/**
 * Firefly's HTTP API on loopback, as firefly.md §9 describes it: {@code auth} checked on every
 * request (401 without the right key), {@code devices/eui/{eui}}, its packets, {@code devices},
 * {@code application/{id}/euis}, {@code applications} (none), 404 for unknown devices, 429 with the {@code x-ratelimit-*}
 * headers, and PUTs recorded and applied to the device (they must send JSON).
 */
public final class FireflyFake implements AutoCloseable {
  public static final String API_KEY = "ff-key/with+odd=chars&DO-NOT-LOG";
  private static final String PASSWORD = "throw-away";
  public static final String OTAA_EUI = "0004A30B001C0530";
  public static final String ABP_EUI = "0004A30B001C0531";
  public static final String OTAA = """
      {"eui": "0004a30b001c0530", "name": "meter-1", "description": "basement", "otaa": true,
       "application_key": "000102030405060708090A0B0C0D0E0F",
       "address": "26011F00", "network_session_key": "101112131415161718191a1b1c1d1e1f",
       "application_session_key": "202122232425262728292a2b2c2d2eff",
       "frame_counter": 7, "class_c": true, "rx2_data_rate": 3, "skip_fcnt_check": true,
       "location": {"lat": 52.1, "lon": 4.3}, "tags": ["north", "gas"], "region": "EU868"}""";
  public static final String ABP = """
      {"eui": "0004a30b001c0531", "name": "", "otaa": false,
       "address": "26011F01", "network_session_key": "303132333435363738393a3b3c3d3e3f",
       "application_session_key": "404142434445464748494a4b4c4d4e4f",
       "frame_counter": 3, "rx2_data_rate": 0}""";

  private final FireflyDevices devices = new FireflyDevices();
  private final WireMockServer server;
  private final boolean tls;

  /** Plain HTTP, for {@code --use-http}. */
  public FireflyFake() {
    this(options().bindAddress("127.0.0.1").dynamicPort(), false);
  }

  /**
   * HTTPS only, with a certificate from a throw-away CA whose PEM is written to {@code caFile}.
   */
  public static FireflyFake withTls(Path caFile) throws Exception {
    ThrowawayCa.ServerIdentity identity = ThrowawayCa.issue();
    Files.writeString(caFile, identity.caCertificatePem());
    // A keystore of its own: fakes started at once (parallel launcher tests) must not share one.
    Path keystore = Files.createTempFile(caFile.toAbsolutePath().getParent(), "firefly-fake",
        ".p12");
    keystore.toFile().deleteOnExit();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(identity.certificatePem().getBytes(StandardCharsets.US_ASCII)));
    String key = identity.privateKeyPem().replaceAll("-----[A-Z ]+-----|\\s", "");
    PrivateKey privateKey = KeyFactory.getInstance("EC")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
    store.setKeyEntry("server", privateKey, PASSWORD.toCharArray(), new Certificate[] {certificate});
    try (OutputStream out = Files.newOutputStream(keystore)) {
      store.store(out, PASSWORD.toCharArray());
    }
    return new FireflyFake(options().bindAddress("127.0.0.1").httpDisabled(true).httpsPort(0)
        .keystorePath(keystore.toString()).keystoreType("PKCS12").keystorePassword(PASSWORD)
        .keyManagerPassword(PASSWORD), true);
  }

  private FireflyFake(WireMockConfiguration configuration, boolean tls) {
    this.tls = tls;
    server = new WireMockServer(configuration.extensions(devices));
    server.start();
    // Anything not answered below: Firefly's JSON 404.
    server.stubFor(any(anyUrl()).atPriority(10)
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody("{\"error\": \"not found\"}")));
    // Any request without the key, or with another one.
    server.stubFor(any(anyUrl()).atPriority(1)
        .withQueryParam("auth", com.github.tomakehurst.wiremock.client.WireMock.notMatching(
            java.util.regex.Pattern.quote(API_KEY)))
        .willReturn(aResponse().withStatus(401).withBody("{\"error\": \"unauthorized\"}")));
    server.stubFor(any(anyUrl()).atPriority(1)
        .withQueryParam("auth", com.github.tomakehurst.wiremock.client.WireMock.absent())
        .willReturn(aResponse().withStatus(401).withBody("{\"error\": \"unauthorized\"}")));
    applications();
  }

  /** {@code GET applications}: the organization's applications, here none. */
  private void applications() {
    server.stubFor(get(urlPathEqualTo("/api/v1/applications")).atPriority(5)
        .withQueryParam("auth", equalTo(API_KEY)).willReturn(okJson("{\"applications\": []}")));
  }

  /** Answers every request after {@code latency}, as a far or busy server does. */
  public FireflyFake latency(java.time.Duration latency) {
    server.setGlobalFixedDelay((int) latency.toMillis());
    return this;
  }

  /** Host and port, as {@code --host} takes it. */
  public String host() {
    return "localhost:" + (tls ? server.httpsPort() : server.port());
  }

  private static String euiPath(String eui) {
    return "/api/v1/devices/eui/" + eui.toLowerCase(Locale.ROOT);
  }

  /** Holds the device {@code deviceJson}: serves it, and applies the PUTs to it. */
  public FireflyFake device(String eui, String deviceJson) {
    devices.hold(eui, deviceJson);
    server.stubFor(get(urlPathEqualTo(euiPath(eui))).atPriority(5)
        .withQueryParam("auth", equalTo(API_KEY))
        .willReturn(aResponse().withTransformers(FireflyDevices.NAME)));
    server.stubFor(put(urlPathEqualTo(euiPath(eui))).atPriority(5)
        .withQueryParam("auth", equalTo(API_KEY))
        .withHeader("Content-Type", containing("application/json"))
        .willReturn(aResponse().withTransformers(FireflyDevices.NAME)));
    return this;
  }

  /** The device as Firefly holds it now, after the PUTs it took. */
  public JsonNode held(String eui) {
    return devices.held(eui);
  }

  /** The OTAA and the ABP sample device, with uplinks. */
  public FireflyFake sampleDevices() {
    return device(OTAA_EUI, OTAA).uplinks(OTAA_EUI, 120, 42)
        .device(ABP_EUI, ABP).uplinks(ABP_EUI, 3, 9);
  }

  /** Serves the device's newest uplinks: {@code {"count": N, "packets": [{"fcnt": ...}]}}. */
  public FireflyFake uplinks(String eui, int count, Integer newestFCnt) {
    String packets = newestFCnt == null ? "[]" : "[{\"fcnt\": " + newestFCnt + ", \"port\": 1}]";
    server.stubFor(get(urlPathEqualTo(euiPath(eui) + "/packets")).atPriority(5)
        .withQueryParam("auth", equalTo(API_KEY))
        .withQueryParam("limit_to_last", equalTo("1"))
        .willReturn(okJson("{\"count\": " + count + ", \"packets\": " + packets + "}")));
    return this;
  }

  /** {@code GET devices} lists these EUIs; {@code application/{id}/euis} too for {@code app}. */
  public FireflyFake listing(String app, String... euis) {
    StringBuilder devices = new StringBuilder("[");
    for (String eui : euis) {
      devices.append(devices.length() > 1 ? "," : "").append("{\"eui\": \"").append(eui)
          .append("\", \"address\": null}");
    }
    String body = "{\"devices\": " + devices + "]}";
    String path = app == null ? "/api/v1/devices" : "/api/v1/application/" + app + "/euis";
    server.stubFor(get(urlPathEqualTo(path)).atPriority(5)
        .withQueryParam("auth", equalTo(API_KEY)).willReturn(okJson(body)));
    return this;
  }

  /** The next {@code times} requests for the device answer 429 with the rate-limit headers. */
  public FireflyFake rateLimited(String eui, int times, int resetMillis) {
    String scenario = "rate-limit-" + eui;
    String state = Scenario.STARTED;
    for (int i = 0; i < times; i++) {
      String next = "after-" + (i + 1);
      server.stubFor(get(urlPathEqualTo(euiPath(eui))).atPriority(2)
          .withQueryParam("auth", equalTo(API_KEY))
          .inScenario(scenario).whenScenarioStateIs(state).willSetStateTo(next)
          .willReturn(aResponse().withStatus(429)
              .withHeader("x-ratelimit-limit", "50/10000ms")
              .withHeader("x-ratelimit-remaining", "0")
              .withHeader("x-ratelimit-reset", String.valueOf(resetMillis))
              .withBody("{\"error\": \"too many requests\"}")));
      state = next;
    }
    return this;
  }

  /** The device answers its first GET, then 404: it was deleted meanwhile. */
  public FireflyFake goneAfterFirstRead(String eui, String deviceJson) {
    String scenario = "gone-" + eui;
    server.stubFor(get(urlPathEqualTo(euiPath(eui))).atPriority(2)
        .withQueryParam("auth", equalTo(API_KEY))
        .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("gone")
        .willReturn(okJson("{\"device\": " + deviceJson + "}")));
    server.stubFor(get(urlPathEqualTo(euiPath(eui))).atPriority(2)
        .withQueryParam("auth", equalTo(API_KEY))
        .inScenario(scenario).whenScenarioStateIs("gone")
        .willReturn(aResponse().withStatus(404).withBody("{\"error\": \"not found\"}")));
    return this;
  }

  /** PUTs to the device fail with {@code status}. */
  public FireflyFake failPuts(String eui, int status) {
    server.stubFor(put(urlPathEqualTo(euiPath(eui))).atPriority(3)
        .withQueryParam("auth", equalTo(API_KEY))
        .willReturn(aResponse().withStatus(status)));
    return this;
  }

  public void healPuts() {
    server.getStubMappings().stream()
        .filter(m -> m.getPriority() != null && m.getPriority() == 3)
        .toList().forEach(server::removeStub);
  }

  /** The bodies of the PUTs the device got, in order. */
  public List<String> putsTo(String eui) {
    return server.findAll(putRequestedFor(urlPathEqualTo(euiPath(eui)))).stream()
        .map(LoggedRequest::getBodyAsString).toList();
  }

  public List<LoggedRequest> requests() {
    return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
        urlPathMatching("/.*")));
  }

  public long puts() {
    // RequestMethod is a class, not an enum: each request has an instance of its own.
    return requests().stream().filter(r -> RequestMethod.PUT.equals(r.getMethod())).count();
  }

  @Override
  public void close() {
    server.stop();
  }
}
