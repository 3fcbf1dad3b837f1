package org.ttnlw.migrate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PHYVersion;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.source.ListsAllSource;
import org.ttnlw.migrate.source.csv.CsvSourcePlugin;
import org.ttnlw.migrate.source.lorawan.TtsCsvColumns;
import picocli.CommandLine;

/**
 * {@code --format tts-csv}: what TTS's importer (as its documentation describes it) reads from
 * the output, what the format drops and says it drops, and the round trip through the csv source.
 */
class TtsCsvLinesTest {
  @TempDir
  Path dir;

  private static String written(ItemLines lines, List<EndDevice> devices) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LineWriter writer = LineWriter.toStream(out, lines)) {
      for (EndDevice device : devices) {
        writer.write(device);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesTheDocumentedHeaderOnceAndOneCrlfRowPerDeviceInOrder() throws IOException {
    List<EndDevice> devices = SampleDevices.application("my-app", 5);
    String text = written(new TtsCsvLines(), devices);
    List<String> lines = List.of(text.split("\r\n"));
    assertEquals(String.join(";", TtsCsvColumns.ALL), lines.get(0));
    assertEquals(6, lines.size());
    assertTrue(text.endsWith("\r\n"));
    List<Map<String, String>> rows = TtsCsvImportReader.read(text);
    for (int i = 0; i < devices.size(); i++) {
      EndDevice device = devices.get(i);
      Map<String, String> row = rows.get(i);
      assertEquals(device.getIds().getDeviceId(), row.get("id"));
      assertEquals(HexFormat.of().formatHex(device.getIds().getDevEui().toByteArray()),
          row.get("dev_eui").toLowerCase());
      assertEquals(device.getFrequencyPlanId(), row.get("frequency_plan_id"));
      assertEquals(device.getLorawanVersion().name(), row.get("lorawan_version"));
    }
  }

  @Test
  void quotesCellsWithSeparatorsQuotesAndLineBreaks() throws IOException {
    EndDevice device = SampleDevices.otaaNotJoined("my-app", "dev-1", 1).toBuilder()
        .setName("a;b \"c\"").setDescription("two\r\nlines").build();
    String text = written(new TtsCsvLines(), List.of(device));
    assertTrue(text.contains(";\"a;b \"\"c\"\"\";\"two\r\nlines\";"), text);
    Map<String, String> row = TtsCsvImportReader.read("\uFEFF" + text).get(0);
    assertEquals("a;b \"c\"", row.get("name"));
    assertEquals("two\r\nlines", row.get("description"));
  }

  @Test
  void namesTheDroppedFieldsOfEachDeviceAndCountsThemPerField() throws IOException {
    TtsCsvLines lines = new TtsCsvLines();
    EndDevice withMaps = SampleDevices.withMaps(SampleDevices.otaaNotJoined("my-app", "a", 1));
    EndDevice plain = SampleDevices.otaaNotJoined("my-app", "b", 2);
    written(lines, List.of(withMaps, plain));
    List<String> remarks = lines.remarks();
    assertTrue(remarks.get(0).startsWith("TTS's CSV format has no column for these fields of"),
        remarks.toString());
    assertTrue(remarks.contains("  locations: 1 device"), remarks.toString());
    for (String field : TtsCsvRow.of(plain).dropped()) {
      assertTrue(remarks.contains("  " + field + ": 2 devices"), field + " in " + remarks);
    }
    assertTrue(new TtsCsvLines().remarks().isEmpty());
  }

  @Test
  void refusesALorawan11SessionButNotTheDeviceWithoutIt() {
    EndDevice device = SampleDevices.otaaWithSession("my-app", "dev-11", 1).toBuilder()
        .setLorawanVersion(MACVersion.MAC_V1_1).setLorawanPhyVersion(PHYVersion.RP001_V1_1_REV_B)
        .build();
    ItemRejectedException refused = assertThrows(ItemRejectedException.class,
        () -> new TtsCsvLines().line(device));
    assertTrue(refused.getMessage().contains("--no-session"), refused.getMessage());
    assertFalse(new TtsCsvLines().line(device.toBuilder().clearSession().build()).isEmpty());
  }

  @Test
  void gatewaysAreNotWrittenAsCsv() {
    assertTrue(assertThrows(RuntimeException.class, () -> OutputFormat.TTS_CSV.lines("gateway"))
        .getMessage().contains("writes devices"));
    assertEquals(OutputFormat.TTS_CSV, OutputFormat.named("tts-csv"));
  }

  /**
   * Exported as tts-csv, read back by the csv source: each device equals the original in every
   * field the format carries, and the fields that differ are exactly the ones reported.
   */
  @Test
  void roundTripThroughTheCsvSourceLosesExactlyTheReportedFields() throws Exception {
    List<EndDevice> devices = SampleDevices.application("my-app", 10);
    Path csv = dir.resolve("devices.csv");
    Files.writeString(csv, written(new TtsCsvLines(), devices));
    CsvSourcePlugin plugin = new CsvSourcePlugin();
    var options = plugin.newOptions();
    new CommandLine(options).parseArgs("--csv-path", csv.toString(), "--app-id", "my-app");
    List<EndDevice> read = new ArrayList<>();
    try (ListsAllSource source = plugin.open(options, null)) {
      source.listAllDevices().forEachRemaining(ref -> read.add(source.fetch(ref).join()));
    }
    assertEquals(devices.size(), read.size());
    for (int i = 0; i < devices.size(); i++) {
      TtsCsvRow row = TtsCsvRow.of(devices.get(i));
      assertEquals(row.carried(), read.get(i));
      EndDevice.Builder expected = devices.get(i).toBuilder();
      row.dropped().forEach(path -> clear(expected, path));
      assertEquals(expected.build(), read.get(i), "dropped: " + row.dropped());
    }
  }

  private static void clear(Message.Builder message, String path) {
    int dot = path.indexOf('.');
    FieldDescriptor field = message.getDescriptorForType()
        .findFieldByName(dot < 0 ? path : path.substring(0, dot));
    if (dot < 0) {
      message.clearField(field);
    } else {
      clear(message.getFieldBuilder(field), path.substring(dot + 1));
    }
  }
}
