package org.ttnlw.migrate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.EndDevice;

/** The devices TTS wrote in the sample read and write back to the same JSON. */
class SampleDevicesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String SAMPLE = "devices-with-session.json";

  private final TtsJson json = TtsJson.instance();

  @Test
  void everySampleDeviceWritesBackAsRead() throws IOException {
    JsonNode devices = sample();
    assertEquals(3, devices.size());
    for (JsonNode device : devices) {
      EndDevice read = json.merge(device.toString(), EndDevice.newBuilder()).build();
      assertEquals(device, MAPPER.readTree(json.toJson(read)), device.get("ids").toString());
    }
  }

  @Test
  void readsDevicesOneByOneFromAStreamedList() throws IOException {
    List<EndDevice> devices = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream(SAMPLE);
        JsonParser parser = MAPPER.getFactory().createParser(in)) {
      assertEquals(JsonToken.START_ARRAY, parser.nextToken());
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        devices.add(json.merge(parser, EndDevice.newBuilder()).build());
      }
      assertNull(parser.nextToken());
    }
    assertEquals(
        List.of("migration-test-device", "some-nice-id", "this-is-test-id"),
        devices.stream().map(device -> device.getIds().getDeviceId()).toList());
    EndDevice first = devices.get(0);
    assertEquals(-62135596800L, first.getCreatedAt().getSeconds());
    assertEquals(78114300, first.getSession().getStartedAt().getNanos());
    assertEquals(16f, first.getMacState().getCurrentParameters().getMaxEirp());
    assertEquals(8, first.getMacState().getDesiredParameters().getChannelsCount());
    assertEquals(0, first.getMacSettings().getStatusCountPeriodicity().getValue());
  }

  private JsonNode sample() throws IOException {
    try (InputStream in = getClass().getResourceAsStream(SAMPLE)) {
      return MAPPER.readTree(in);
    }
  }
}
