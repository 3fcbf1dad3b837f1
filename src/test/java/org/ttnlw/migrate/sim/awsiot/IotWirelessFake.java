package org.ttnlw.migrate.sim.awsiot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local AWS IoT Wireless (API 2020-11-22) for the real SDK: real HTTP on loopback, the
 * service's rest-json paths and query names, PascalCase JSON members, and errors as AWS sends
 * them (status, {@code x-amzn-ErrorType}, {@code {"Message": ...}}). It enforces what the tests
 * rely on: a SigV4 Authorization header for the expected access key and region, the required
 * {@code identifierType}, {@code maxResults} at most 250, filters applied to the page asked for
 * (so a page asked for without the LoRaWAN filter also holds Sidewalk devices), and it records
 * every request and every deletion.
 */
public final class IotWirelessFake implements AutoCloseable {
  public static final String ACCESS_KEY = "AKIDFAKEIOTWIRELESS";
  public static final String SECRET_KEY = "fake/secret/NEVER-PRINT-THIS";
  public static final String REGION = "us-east-1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CREDENTIAL =
      Pattern.compile("^AWS4-HMAC-SHA256 Credential=([^/]+)/\\d{8}/([^/]+)/iotwireless/aws4_request,");
  private static final Pattern DEVICE_PATH = Pattern.compile("^/wireless-devices/([^/?]+)$");
  private static final Pattern PROFILE_PATH = Pattern.compile("^/device-profiles/([^/?]+)$");
  /** AWS does not document the page size without maxResults. */
  private static final int DEFAULT_PAGE_SIZE = 50;

  /** A request as it arrived: method, path and decoded query parameters. */
  public record Call(String method, String path, Map<String, String> query) {
    @Override
    public String toString() {
      return method + " " + path + (query.isEmpty() ? "" : " " + query);
    }
  }

  private record Fault(String method, String pathPrefix, int status, String errorType) {}

  private final Map<String, ObjectNode> devices = new LinkedHashMap<>();
  private final Map<String, ObjectNode> profiles = new LinkedHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<String> deleted = new CopyOnWriteArrayList<>();
  private final ArrayDeque<Fault> faults = new ArrayDeque<>();
  private final WireMockServer server;
  private final String accessKey;
  private volatile int pageLimit = 250;
  private volatile boolean listsEveryType;

  /**
   * Points the AWS SDK's default chains at the fake's static credentials and region through the
   * SDK's system properties, which it reads before the environment, so no test depends on the
   * machine's AWS configuration.
   */
  public static void useAsDefaultCredentials() {
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
    System.setProperty("aws.region", REGION);
  }

  public IotWirelessFake() {
    this(ACCESS_KEY);
  }

  /** A fake that accepts only requests signed with {@code accessKey}. */
  public IotWirelessFake(String accessKey) {
    this.accessKey = accessKey;
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
        .extensions(new Handler()));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
  }

  /** Answers every request after {@code latency}, as a far or busy server does. */
  public IotWirelessFake latency(java.time.Duration latency) {
    server.setGlobalFixedDelay((int) latency.toMillis());
    return this;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Pages hold at most this many devices, whatever maxResults asks for. */
  public IotWirelessFake pageLimit(int limit) {
    pageLimit = limit;
    return this;
  }

  /**
   * Listings include devices of every type even when a type is asked for; the model does not
   * promise an exact filter, so the exporter must check each device's type itself.
   */
  public IotWirelessFake listsEveryType() {
    listsEveryType = true;
    return this;
  }

  /** Adds a device, given as the JSON GetWirelessDevice returns for it. */
  public synchronized IotWirelessFake putDevice(String getWirelessDeviceJson) {
    ObjectNode device = parse(getWirelessDeviceJson);
    devices.put(device.path("Id").asText(), device);
    return this;
  }

  /** Adds a device profile, given as the JSON GetDeviceProfile returns for it. */
  public synchronized IotWirelessFake putProfile(String getDeviceProfileJson) {
    ObjectNode profile = parse(getDeviceProfileJson);
    profiles.put(profile.path("Id").asText(), profile);
    return this;
  }

  /** The next {@code times} requests matching method and path prefix fail with this error. */
  public synchronized IotWirelessFake fail(String method, String pathPrefix, int times, int status,
      String errorType) {
    for (int i = 0; i < times; i++) {
      faults.add(new Fault(method, pathPrefix, status, errorType));
    }
    return this;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Call> calls(String method, String pathPrefix) {
    return calls.stream()
        .filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix)).toList();
  }

  /** Wireless device IDs deleted, in order. */
  public List<String> deleted() {
    return List.copyOf(deleted);
  }

  public synchronized boolean exists(String wirelessDeviceId) {
    return devices.containsKey(wirelessDeviceId);
  }

  @Override
  public void close() {
    server.stop();
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Handler implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "iot-wireless-fake";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      String path = request.getUrl().replaceFirst("\\?.*$", "");
      Call call = new Call(request.getMethod().getName(), path, query(request.getUrl()));
      calls.add(call);
      synchronized (IotWirelessFake.this) {
        return respond(request, call).build();
      }
    }
  }

  private static Map<String, String> query(String url) {
    Map<String, String> query = new LinkedHashMap<>();
    int start = url.indexOf('?');
    if (start < 0) {
      return query;
    }
    for (String pair : url.substring(start + 1).split("&")) {
      String[] parts = pair.split("=", 2);
      query.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
    }
    return query;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private ResponseDefinitionBuilder respond(Request request, Call call) {
    String authProblem = authProblem(request.getHeader("Authorization"));
    if (authProblem != null) {
      return authProblem.startsWith("region") ? error(403, "InvalidSignatureException", authProblem)
          : error(403, "UnrecognizedClientException", authProblem);
    }
    Fault fault = faults.stream()
        .filter(f -> f.method().equals(call.method()) && call.path().startsWith(f.pathPrefix()))
        .findFirst().orElse(null);
    if (fault != null) {
      faults.remove(fault);
      return error(fault.status(), fault.errorType(), "injected " + fault.errorType());
    }
    Matcher device = DEVICE_PATH.matcher(call.path());
    Matcher profile = PROFILE_PATH.matcher(call.path());
    if (call.method().equals("GET") && call.path().equals("/wireless-devices")) {
      return list(call.query());
    } else if (call.method().equals("GET") && device.matches()) {
      return getDevice(decode(device.group(1)), call.query().get("identifierType"));
    } else if (call.method().equals("DELETE") && device.matches()) {
      return deleteDevice(decode(device.group(1)));
    } else if (call.method().equals("GET") && profile.matches()) {
      ObjectNode found = profiles.get(decode(profile.group(1)));
      return found == null ? notFound(profile.group(1), "DeviceProfile") : ok(found);
    }
    return error(404, "UnknownOperationException", "no such operation: " + call);
  }

  private String authProblem(String authorization) {
    if (authorization == null) {
      return "missing Authorization header";
    }
    Matcher matcher = CREDENTIAL.matcher(authorization);
    if (!matcher.find()) {
      return "not a SigV4 Authorization header for iotwireless";
    }
    if (!matcher.group(1).equals(accessKey)) {
      return "The security token included in the request is invalid.";
    }
    if (!matcher.group(2).equals(REGION)) {
      return "region " + matcher.group(2) + " in the credential scope; this fake is " + REGION;
    }
    return null;
  }

  private ResponseDefinitionBuilder list(Map<String, String> query) {
    int pageSize = DEFAULT_PAGE_SIZE;
    if (query.containsKey("maxResults")) {
      pageSize = Integer.parseInt(query.get("maxResults"));
      if (pageSize < 0 || pageSize > 250) {
        return error(400, "ValidationException", "maxResults must be between 0 and 250");
      }
    }
    pageSize = Math.min(pageSize, pageLimit);
    int offset = 0;
    String token = query.get("nextToken");
    if (token != null) {
      if (!token.startsWith("page-after-")) {
        return error(400, "ValidationException", "invalid nextToken");
      }
      offset = Integer.parseInt(token.substring("page-after-".length()));
    }
    String type = listsEveryType ? null : query.get("wirelessDeviceType");
    String destination = query.get("destinationName");
    List<ObjectNode> matching = devices.values().stream()
        .filter(d -> type == null || d.path("Type").asText().equals(type))
        .filter(d -> destination == null || d.path("DestinationName").asText().equals(destination))
        .toList();
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode list = answer.putArray("WirelessDeviceList");
    int end = Math.min(matching.size(), offset + pageSize);
    for (ObjectNode found : matching.subList(Math.min(offset, end), end)) {
      list.add(listEntry(found));
    }
    if (end < matching.size()) {
      answer.put("NextToken", "page-after-" + end);
    }
    return ok(answer);
  }

  private static ObjectNode listEntry(ObjectNode device) {
    ObjectNode entry = JSON.createObjectNode();
    for (String member : List.of("Arn", "Id", "Type", "Name", "DestinationName")) {
      if (device.has(member)) {
        entry.set(member, device.get(member));
      }
    }
    if (device.has("LoRaWAN")) {
      entry.putObject("LoRaWAN").set("DevEui", device.path("LoRaWAN").path("DevEui"));
    }
    if (device.has("Sidewalk")) {
      entry.putObject("Sidewalk").put("SidewalkId", device.path("Sidewalk").path("SidewalkId")
          .asText());
    }
    return entry;
  }

  private ResponseDefinitionBuilder getDevice(String identifier, String identifierType) {
    if (identifierType == null) {
      return error(400, "ValidationException", "identifierType is required");
    }
    Optional<ObjectNode> found = switch (identifierType) {
      case "WirelessDeviceId" -> Optional.ofNullable(devices.get(identifier));
      case "DevEui" -> devices.values().stream()
          .filter(d -> d.path("LoRaWAN").path("DevEui").asText()
              .equalsIgnoreCase(identifier))
          .findFirst();
      default -> null;
    };
    if (found == null) {
      return error(400, "ValidationException", "unsupported identifierType " + identifierType);
    }
    return found.map(IotWirelessFake::ok)
        .orElseGet(() -> notFound(identifier, "WirelessDevice"));
  }

  private ResponseDefinitionBuilder deleteDevice(String id) {
    if (devices.remove(id) == null) {
      return notFound(id, "WirelessDevice");
    }
    deleted.add(id);
    return aResponse().withStatus(204);
  }

  private static ResponseDefinitionBuilder ok(ObjectNode body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }

  private static ResponseDefinitionBuilder notFound(String id, String type) {
    ObjectNode body = JSON.createObjectNode()
        .put("Message", type + " " + id + " not found")
        .put("ResourceId", id)
        .put("ResourceType", type);
    return aResponse().withStatus(404).withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-ErrorType", "ResourceNotFoundException").withBody(body.toString());
  }

  private static ResponseDefinitionBuilder error(int status, String type, String message) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-ErrorType", type)
        .withBody(JSON.createObjectNode().put("Message", message).toString());
  }
}
