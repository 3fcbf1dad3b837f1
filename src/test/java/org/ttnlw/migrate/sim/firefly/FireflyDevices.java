package org.ttnlw.migrate.sim.firefly;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The devices Firefly holds, as {@code GET devices/eui/{eui}} answers them and
 * {@code PUT devices/eui/{eui}} changes them: the PUT's {@code device} object sets the fields it
 * names and leaves the others as they were, and both answer {@code {"device": Device}}, the
 * whole device as it now is (firefly.md: the PUT of the key bump).
 */
final class FireflyDevices implements ResponseDefinitionTransformerV2 {
  static final String NAME = "firefly-devices";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, ObjectNode> byEui = new ConcurrentHashMap<>();

  void hold(String eui, String deviceJson) {
    try {
      byEui.put(eui.toLowerCase(Locale.ROOT), (ObjectNode) JSON.readTree(deviceJson));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a device object: " + deviceJson, e);
    }
  }

  /** The device as Firefly holds it now. */
  JsonNode held(String eui) {
    return byEui.get(eui.toLowerCase(Locale.ROOT)).deepCopy();
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String path = event.getRequest().getUrl().replaceFirst("\\?.*", "");
    String eui = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    // RequestMethod is a class, not an enum: each request has an instance of its own.
    if (RequestMethod.PUT.equals(event.getRequest().getMethod())) {
      JsonNode change;
      try {
        change = JSON.readTree(event.getRequest().getBodyAsString()).path("device");
      } catch (JsonProcessingException e) {
        change = null;
      }
      if (change == null || !change.isObject()) {
        return answer(400, "{\"error\": \"bad request\"}");
      }
      ObjectNode fields = (ObjectNode) change;
      byEui.computeIfPresent(eui, (key, held) -> held.deepCopy().setAll(fields));
    }
    ObjectNode device = byEui.get(eui);
    return device == null ? answer(404, "{\"error\": \"not found\"}")
        : answer(200, "{\"device\": " + device + "}");
  }

  private static ResponseDefinition answer(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body).build();
  }
}
