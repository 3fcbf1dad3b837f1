package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.cli.TwoDeployments;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * Migrating in waves through {@code bin/ttn-lw-migrate}, TTS to TTS and ChirpStack to TTS, 100
 * devices each: a wave of 10 and the next by running the same command again (the journal), a
 * selection by attribute and last activity that {@code list} shows from List calls only, and a
 * filter the source cannot judge refused before anything is read.
 */
class WavesIT {
  private static final String CHIRPSTACK_KEY = "waves-chirpstack-key";
  private static final Instant RECENTLY = Instant.now().minus(Duration.ofDays(3));

  private TwoDeployments tts;

  @TempDir
  Path folder;

  @BeforeEach
  void start() throws Exception {
    // my-device and device-00001 to -00099: site=building-(index % 7); every third seen recently
    tts = new TwoDeployments(0);
    for (EndDevice device : SampleDevices.application("my-app", 99)) {
      int index = Integer.parseInt(device.getIds().getDeviceId().substring(7));
      if (index % 3 == 0) {
        device = device.toBuilder().setLastSeenAt(Timestamp.newBuilder()
            .setSeconds(RECENTLY.getEpochSecond())).build();
      }
      tts.source.put(device, SampleDevices.servers(device));
    }
  }

  @AfterEach
  void stop() {
    tts.close();
  }

  private PackagedTool.Result run(Map<String, String> environment, String... args)
      throws Exception {
    PackagedTool.Result result = PackagedTool.launcher(folder, environment, "", args);
    assertTrue(!result.stderr().contains(TwoDeployments.TARGET_KEY)
        && !result.stderr().contains(CHIRPSTACK_KEY), result.toString());
    return result;
  }

  private List<String> inTarget(List<String> deviceIds) {
    return deviceIds.stream().filter(tts::anywhereInTarget).toList();
  }

  private static List<String> ttsIds(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> String.format("device-%05d", i))
        .toList();
  }

  @Test
  void ttsWaveOfTenThenTheNextByRunningTheSameCommandAgain() throws Exception {
    String[] wave = {"migrate", "application", "--source", "ttnv3", "my-app", "--limit", "10",
        "--output", "migrated.json"};

    PackagedTool.Result first = run(tts.environment(), wave);
    assertEquals(0, first.exitCode(), first.toString());
    assertEquals(ttsIds(1, 10), inTarget(ttsIds(1, 99)), first.toString());

    PackagedTool.Result second = run(tts.environment(), wave);
    assertEquals(0, second.exitCode(), second.toString());
    assertEquals(ttsIds(1, 20), inTarget(ttsIds(1, 99)), second.toString());
    assertTrue(second.stderr().contains("migrated 10 (created 10), downlinks disabled 10,"
        + " deleted 0, skipped 10"), second.stderr());
    assertEquals(20, Files.readAllLines(folder.resolve("migrated.json")).size());
  }

  @Test
  void ttsSelectionByAttributeAndLastActivityIsListedFromListCallsOnlyThenMoved()
      throws Exception {
    String[] selection = {"--select", "attribute:site=building-3", "--select",
        "seen-within:30d"};
    // site=building-3: 3, 10, 17, ..., 94; of those, seen recently: the multiples of 3
    List<String> expected = List.of("device-00003", "device-00024", "device-00045",
        "device-00066", "device-00087");

    PackagedTool.Result list = run(tts.environment(), concat(List.of("list", "--source",
        "ttnv3", "my-app"), selection));
    assertEquals(0, list.exitCode(), list.toString());
    assertEquals(expected, list.stdout().lines().map(line -> line.split("\t")[0]).toList(),
        list.toString());
    assertTrue(list.stdout().startsWith("device-00003\tmy-app\tattribute:site=building-3\t"
        + "last-seen:" + Instant.ofEpochSecond(RECENTLY.getEpochSecond())), list.stdout());
    assertTrue(list.stderr().contains("selected 5 of the 100 devices listed"), list.stderr());
    assertTrue(tts.source.calls().stream().noneMatch(call -> call.method().equals("Get")),
        "no device read: " + tts.source.calls());

    PackagedTool.Result moved = run(tts.environment(), concat(List.of("migrate", "application",
        "--source", "ttnv3", "my-app", "--output", "site-3.json"), selection));
    assertEquals(0, moved.exitCode(), moved.toString());
    assertEquals(expected, inTarget(ttsIds(1, 99)), moved.toString());
  }

  @Test
  void aFilterTheSourceCannotJudgeIsRefusedBeforeAnythingIsRead() throws Exception {
    PackagedTool.Result refused = run(tts.environment(), "migrate", "application", "--source",
        "ttnv3", "my-app", "--select", "frequency-plan:EU_863_870_TTN");

    assertEquals(2, refused.exitCode(), refused.toString());
    assertTrue(refused.stderr().contains("--select: source ttnv3 cannot select on frequency"
        + " plan: only the Network Server holds it"), refused.stderr());
    assertTrue(tts.source.calls().isEmpty(), tts.source.calls().toString());
    assertTrue(tts.target.writes().isEmpty());
  }

  @Test
  void chirpStackWavesAndASelectionByTagAndLastActivity() throws Exception {
    try (ChirpStackSimulator chirpstack = ChirpStackSimulator.builder()
        .adminKey(CHIRPSTACK_KEY).tls(true).start()) {
      SampleChirpStack.seed(chirpstack);
      List<String> euis = new ArrayList<>();
      for (int index = 1; index <= 100; index++) {
        chirpstack.putDevice(SampleChirpStack.device(index, SampleChirpStack.OTAA_PROFILE)
                .setJoinEui("70b3d57ed0000001").putTags("site", "hall-" + index % 4).build(),
            Optional.of(SampleChirpStack.keys(index)),
            Optional.of(SampleChirpStack.activation10(index, 11, 4)));
        if (index % 5 == 0) {
          chirpstack.lastSeen(SampleChirpStack.devEui(index), RECENTLY);
        }
        euis.add(SampleChirpStack.devEui(index));
      }
      Map<String, String> environment = new HashMap<>(tts.environment());
      environment.put("CHIRPSTACK_API_URL", chirpstack.address());
      environment.put("CHIRPSTACK_API_KEY", CHIRPSTACK_KEY);
      environment.put("CHIRPSTACK_CA_FILE", chirpstack.caFile().toString());
      String[] wave = {"chirpstack", "migrate", "application", SampleChirpStack.APPLICATION,
          "--limit", "10", "--output", "wave.json"};

      assertEquals(0, run(environment, wave).exitCode());
      PackagedTool.Result second = run(environment, wave);
      assertEquals(0, second.exitCode(), second.toString());
      assertEquals(euis.subList(0, 20), migrated(euis), second.toString());

      String[] selection = {"--select", "tag:site=hall-2", "--select", "seen-within:7d"};
      chirpstack.clearCalls();
      PackagedTool.Result list = run(environment, concat(List.of("chirpstack", "list",
          SampleChirpStack.APPLICATION, "--select", "profile:Temperature sensor"), selection));
      assertEquals(0, list.exitCode(), list.toString());
      // hall-2: 2, 6, 10, ...; seen recently: multiples of 5: 10, 30, 50, 70, 90
      List<String> expected = IntStream.of(10, 30, 50, 70, 90).mapToObj(SampleChirpStack::devEui)
          .toList();
      assertEquals(expected, list.stdout().lines().map(line -> line.split("\t")[0]).toList(),
          list.toString());
      assertTrue(list.stdout().startsWith(SampleChirpStack.devEui(10) + "\t"
          + SampleChirpStack.APPLICATION + "\tprofile:Temperature sensor\tattribute:site=hall-2"
          + "\tlast-seen:"), list.stdout());
      assertTrue(chirpstack.calls().stream().noneMatch(call -> call.method().startsWith("Device")
          && !call.method().equals("DeviceService/List")), chirpstack.calls().toString());

      PackagedTool.Result moved = run(environment, concat(List.of("chirpstack", "migrate",
          "application", SampleChirpStack.APPLICATION, "--output", "hall-2.json"), selection));
      assertEquals(0, moved.exitCode(), moved.toString());
      List<String> expectedInTarget = new ArrayList<>(euis.subList(0, 20));
      expected.stream().filter(eui -> !expectedInTarget.contains(eui))
          .forEach(expectedInTarget::add);
      expectedInTarget.sort(null);
      assertEquals(expectedInTarget, migrated(euis), moved.toString());
    }
  }

  private List<String> migrated(List<String> euis) {
    return euis.stream().filter(eui -> tts.target.stored(TtsServer.IDENTITY_SERVER,
        TwoDeployments.TARGET_APP, "eui-" + eui).isPresent()).toList();
  }

  private static String[] concat(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
