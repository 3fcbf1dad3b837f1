package org.ttnlw.migrate.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.FloatValue;
import com.google.protobuf.MapEntry;
import com.google.protobuf.util.Timestamps;
import com.google.protobuf.util.Values;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ttnlw.migrate.proto.ADRSettings;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.BoolValue;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.EndDevices;
import org.ttnlw.migrate.proto.ErrorDetails;
import org.ttnlw.migrate.proto.GetEndDeviceRequest;
import org.ttnlw.migrate.proto.ListEndDevicesRequest;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACState;
import org.ttnlw.migrate.proto.NsEndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.Session;
import org.ttnlw.migrate.proto.SetEndDeviceRequest;
import org.ttnlw.migrate.proto.UpdateEndDeviceRequest;
import org.ttnlw.migrate.tts.TtsServer;

class TtsSimulatorTest {
  private static final String API_KEY = "NNSXS.TESTKEYID.TESTKEYSECRET";
  private static final String APP = "test-app";
  private static final EndDevice OTAA = SampleDevices.otaaWithSession(APP, "otaa-device", 1);
  private static final EndDevice ABP = SampleDevices.abp(APP, "abp-device", 2);

  private TtsSimulator simulator;
  private SimulatorClient client;

  @BeforeEach
  void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey(API_KEY).start();
    simulator.put(OTAA);
    simulator.put(ABP, SampleDevices.servers(ABP));
    client = SimulatorClient.plaintext(simulator, API_KEY);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    simulator.close();
  }

  @Test
  void getAnswersOnlyTheMaskedFieldsBesideIdentifiersAndTimestamps() {
    EndDevice answer =
        client
            .ns()
            .get(get(OTAA, "frequency_plan_id", "session.dev_addr", "session.last_f_cnt_up"));

    EndDevice expected =
        EndDevice.newBuilder()
            .setIds(OTAA.getIds())
            .setCreatedAt(OTAA.getCreatedAt())
            .setUpdatedAt(OTAA.getUpdatedAt())
            .setFrequencyPlanId("EU_863_870_TTN")
            .setSession(
                Session.newBuilder()
                    .setDevAddr(OTAA.getSession().getDevAddr())
                    .setLastFCntUp(OTAA.getSession().getLastFCntUp()))
            .build();
    assertEquals(expected, answer);
  }

  @Test
  void eachServerHoldsOnlyItsOwnPartOfADevice() {
    EndDevice is = stored(TtsServer.IDENTITY_SERVER, OTAA);
    EndDevice ns = stored(TtsServer.NETWORK_SERVER, OTAA);
    EndDevice as = stored(TtsServer.APPLICATION_SERVER, OTAA);
    EndDevice js = stored(TtsServer.JOIN_SERVER, OTAA);

    assertEquals(OTAA.getName(), is.getName());
    assertFalse(is.hasSession() || is.hasRootKeys() || is.hasMacState());
    assertTrue(ns.getSession().getKeys().hasFNwkSIntKey());
    assertFalse(ns.getSession().getKeys().hasAppSKey(), "the AppSKey belongs to AS");
    assertEquals(OTAA.getMacState(), ns.getMacState());
    assertFalse(ns.hasRootKeys());
    assertEquals("", ns.getName());
    assertEquals(OTAA.getSession().getKeys().getAppSKey(), as.getSession().getKeys().getAppSKey());
    assertFalse(as.getSession().getKeys().hasFNwkSIntKey() || as.hasMacState());
    assertEquals(OTAA.getRootKeys(), js.getRootKeys());
    assertFalse(js.hasSession() || js.hasMacSettings());
    assertEquals(OTAA.getIds(), js.getIds());
  }

  @Test
  void aDeviceLeftOffAServerIsNotFoundThere() {
    assertTrue(simulator.stored(TtsServer.JOIN_SERVER, APP, "abp-device").isEmpty());

    StatusRuntimeException error =
        assertThrows(StatusRuntimeException.class, () -> client.js().get(get(ABP, "root_keys")));

    assertEquals(Status.Code.NOT_FOUND, error.getStatus().getCode());
    assertEquals("not_found", details(error).getName());
    Session nsSession = client.ns().get(get(ABP, "session")).getSession();
    assertEquals(ABP.getSession().getLastFCntUp(), nsSession.getLastFCntUp());
  }

  @Test
  void forbiddenPathsAreInvalidArgumentNamingThem() {
    StatusRuntimeException error =
        assertThrows(
            StatusRuntimeException.class,
            () -> client.as().get(get(OTAA, "session.keys.app_s_key", "root_keys", "name")));

    assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
    ErrorDetails details = details(error);
    assertEquals("pkg/rpcmiddleware/validator", details.getNamespace());
    assertEquals("field_mask_paths", details.getName());
    assertEquals("forbidden path(s) in field mask", details.getMessageFormat());
    assertEquals(
        Values.of(List.of(Values.of("root_keys"), Values.of("name"))),
        details.getAttributes().getFieldsOrThrow("forbidden_paths"));
    assertEquals(Status.Code.INVALID_ARGUMENT.value(), details.getCode());
  }

  @Test
  void aMissingDeviceIsNotFoundWithTtsErrorDetails() {
    GetEndDeviceRequest request = get(device("no-such-device"), "name");

    StatusRuntimeException first =
        assertThrows(StatusRuntimeException.class, () -> client.is().get(request));
    StatusRuntimeException second =
        assertThrows(StatusRuntimeException.class, () -> client.is().get(request));

    assertEquals(Status.Code.NOT_FOUND, first.getStatus().getCode());
    ErrorDetails details = details(first);
    assertEquals("pkg/identityserver/store", details.getNamespace());
    assertEquals("end_device_not_found", details.getName());
    assertEquals(
        "end device with id `{device_id}` not found in application with id `{application_id}`",
        details.getMessageFormat());
    assertEquals(
        Values.of("no-such-device"), details.getAttributes().getFieldsOrThrow("device_id"));
    assertEquals(Values.of(APP), details.getAttributes().getFieldsOrThrow("application_id"));
    assertEquals(
        "error:pkg/identityserver/store:end_device_not_found (end device with id `no-such-device`"
            + " not found in application with id `test-app`)",
        first.getStatus().getDescription());
    assertTrue(details.getCorrelationId().matches("[0-9a-f]{32}"), details.getCorrelationId());
    assertNotEquals(details.getCorrelationId(), details(second).getCorrelationId());
  }

  @Test
  void listPagesThroughTheApplicationByDeviceIdWithTheTotalInAHeader() {
    List<EndDevice> devices = new ArrayList<>(SampleDevices.application("big-app", 120));
    Collections.reverse(devices);
    devices.forEach(device -> simulator.put(device, SampleDevices.servers(device)));

    List<String> listed = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      EndDevices answer = client.is().list(list("big-app", 50, page, "name"));
      assertEquals("120", client.lastHeader("x-total-count"));
      assertEquals(page < 3 ? 50 : 20, answer.getEndDevicesCount());
      for (EndDevice device : answer.getEndDevicesList()) {
        assertTrue(device.getName().startsWith("Sample sensor "));
        assertTrue(device.getAttributesMap().isEmpty(), "attributes are not in the mask");
        listed.add(device.getIds().getDeviceId());
      }
    }

    List<String> expected =
        new ArrayList<>(devices.stream().map(TtsSimulatorTest::deviceId).toList());
    Collections.sort(expected);
    assertEquals(expected, listed);
    assertEquals(0, client.is().list(list("big-app", 50, 4)).getEndDevicesCount());
    assertEquals(100, client.is().list(list("big-app", 0, 0)).getEndDevicesCount(),
        "without a limit, the server's default page");
  }

  @Test
  void listOfAnUnknownApplicationIsNotFoundAndListChecksItsMask() {
    assertStatus(Status.Code.NOT_FOUND, () -> client.is().list(list("no-such-app", 10, 1)));
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> client.is().list(list(APP, 10, 1, "session")));
  }

  @Test
  void setOnNsAppliesTheMaskedFieldsOnlyAndIsRecorded() {
    simulator.clearCalls();
    EndDevice changes =
        EndDevice.newBuilder()
            .setIds(OTAA.getIds())
            .setName("ignored: not in the mask")
            .setMacSettings(
                MACSettings.newBuilder()
                    .setScheduleDownlinks(BoolValue.newBuilder().setValue(false)))
            .build();

    EndDevice answer =
        client
            .ns()
            .set(
                SetEndDeviceRequest.newBuilder()
                    .setEndDevice(changes)
                    .setFieldMask(mask("mac_settings.schedule_downlinks"))
                    .build());

    MACSettings settings = stored(TtsServer.NETWORK_SERVER, OTAA).getMacSettings();
    assertTrue(settings.hasScheduleDownlinks());
    assertFalse(settings.getScheduleDownlinks().getValue());
    assertEquals(OTAA.getMacSettings().getSupports32BitFCnt(), settings.getSupports32BitFCnt());
    assertEquals(settings.getScheduleDownlinks(), answer.getMacSettings().getScheduleDownlinks());
    assertTrue(Timestamps.compare(OTAA.getUpdatedAt(), answer.getUpdatedAt()) < 0);
    assertEquals(OTAA.getMacState(), stored(TtsServer.NETWORK_SERVER, OTAA).getMacState());

    List<CallInfo> writes = simulator.writes();
    assertEquals(1, writes.size());
    CallInfo write = writes.get(0);
    assertEquals(TtsServer.NETWORK_SERVER, write.server());
    assertEquals("Set", write.method());
    assertEquals(APP, write.applicationId());
    assertEquals("otaa-device", write.deviceId());
    assertEquals(List.of("mac_settings.schedule_downlinks"), write.fieldMaskPaths());
    assertEquals(simulator.calls(), writes);
  }

  @Test
  void mapEntriesComeInAnotherOrderFromCallToCallAsFromGo() {
    EndDevice mapped = SampleDevices.withMaps(OTAA);
    simulator.put(mapped);
    Set<List<String>> attributeOrders = new HashSet<>();
    Set<List<String>> rangeOrders = new HashSet<>();
    FieldDescriptor attributes = EndDevice.getDescriptor().findFieldByName("attributes");
    FieldDescriptor ranges = MACState.getDescriptor().findFieldByName("rejected_data_rate_ranges");
    for (int i = 0; i < 20; i++) {
      EndDevice is = client.is().get(get(OTAA, "attributes"));
      EndDevice ns = client.ns().get(get(OTAA, "mac_state"));

      assertEquals(mapped.getAttributesMap(), is.getAttributesMap());
      assertEquals(mapped.getMacState(), ns.getMacState());
      attributeOrders.add(((List<?>) is.getField(attributes)).stream()
          .map(entry -> ((MapEntry<?, ?>) entry).getKey().toString()).toList());
      rangeOrders.add(((List<?>) ns.getMacState().getField(ranges)).stream()
          .map(entry -> ((MapEntry<?, ?>) entry).getKey().toString()).toList());
    }

    assertTrue(attributeOrders.size() > 1, "always one order: " + attributeOrders);
    assertTrue(rangeOrders.size() > 1, "always one order: " + rangeOrders);
  }

  @Test
  void maskPathsMayNameAOneofBeforeItsMember() {
    EndDevice changes = EndDevice.newBuilder().setIds(OTAA.getIds())
        .setMacSettings(MACSettings.newBuilder().setAdr(ADRSettings.newBuilder()
            .setDynamic(ADRSettings.DynamicMode.newBuilder()
                .setMargin(FloatValue.newBuilder().setValue(7.5f)))))
        .build();

    client.ns().set(SetEndDeviceRequest.newBuilder().setEndDevice(changes)
        .setFieldMask(mask("mac_settings.adr.mode.dynamic.margin")).build());
    EndDevice read = client.ns().get(get(OTAA, "mac_settings.adr.mode.dynamic.margin"));

    assertEquals(7.5f, read.getMacSettings().getAdr().getDynamic().getMargin().getValue());
    assertEquals(7.5f, stored(TtsServer.NETWORK_SERVER, OTAA).getMacSettings().getAdr()
        .getDynamic().getMargin().getValue());
  }

  @Test
  void writesCheckTheirMaskAndTheDevice() {
    UpdateEndDeviceRequest update =
        UpdateEndDeviceRequest.newBuilder()
            .setEndDevice(OTAA)
            .setFieldMask(mask("name", "session"))
            .build();
    SetEndDeviceRequest setMissing =
        SetEndDeviceRequest.newBuilder()
            .setEndDevice(device("no-such-device"))
            .setFieldMask(mask("mac_settings.schedule_downlinks"))
            .build();

    assertStatus(Status.Code.INVALID_ARGUMENT, () -> client.is().update(update));
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> client.ns().set(setMissing));
    EndDevice renamed =
        client
            .is()
            .update(
                update.toBuilder()
                    .setEndDevice(OTAA.toBuilder().setName("Renamed"))
                    .setFieldMask(mask("name"))
                    .build());
    assertEquals("Renamed", renamed.getName());
    assertEquals("Renamed", stored(TtsServer.IDENTITY_SERVER, OTAA).getName());
  }

  @Test
  void deleteRemovesTheDeviceFromThatServerOnly() {
    client.as().delete(OTAA.getIds());

    assertTrue(simulator.stored(TtsServer.APPLICATION_SERVER, APP, "otaa-device").isEmpty());
    assertTrue(simulator.stored(TtsServer.NETWORK_SERVER, APP, "otaa-device").isPresent());
    assertStatus(Status.Code.NOT_FOUND, () -> client.as().delete(OTAA.getIds()));
    assertEquals(
        List.of("Delete", "Delete"), simulator.writes().stream().map(CallInfo::method).toList());
  }

  @Test
  void aWrongOrMissingKeyIsUnauthenticated() throws Exception {
    try (SimulatorClient wrongKey = SimulatorClient.plaintext(simulator, "NNSXS.OTHER.KEY");
        SimulatorClient noKey = SimulatorClient.plaintext(simulator, null)) {
      StatusRuntimeException wrong =
          assertThrows(StatusRuntimeException.class, () -> wrongKey.ns().get(get(OTAA, "session")));
      StatusRuntimeException missing =
          assertThrows(StatusRuntimeException.class, () -> noKey.ns().get(get(OTAA, "session")));

      assertEquals(Status.Code.UNAUTHENTICATED, wrong.getStatus().getCode());
      assertEquals("invalid_authorization", details(wrong).getName());
      assertEquals(Status.Code.UNAUTHENTICATED, missing.getStatus().getCode());
      assertEquals("unauthenticated", details(missing).getName());
    }
  }

  @Test
  void everyResponseCarriesRateLimitHeaders() {
    client.ns().get(get(OTAA, "session"));
    assertEquals(
        Integer.toString(TtsSimulator.DEFAULT_RATE_LIMIT_PER_MINUTE),
        client.lastHeader("x-rate-limit-limit"));
    long available = Long.parseLong(client.lastHeader("x-rate-limit-available"));

    assertStatus(Status.Code.NOT_FOUND, () -> client.ns().get(get(device("no-such-device"))));

    assertEquals(available - 1, Long.parseLong(client.lastHeader("x-rate-limit-available")));
    long reset = Long.parseLong(client.lastHeader("x-rate-limit-reset"));
    assertTrue(reset > 0 && reset <= 60, "reset " + reset);
    assertEquals("0", client.lastHeader("x-rate-limit-retry"));
  }

  @Test
  void theFaultHookFailsTheCallsItChooses() {
    simulator.faults(
        call ->
            call.server() == TtsServer.NETWORK_SERVER && call.sequence() % 2 == 0
                ? Optional.of(Fault.rateLimited(Duration.ofSeconds(3)))
                : Optional.empty());
    simulator.clearCalls();

    List<Status.Code> outcomes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      try {
        client.ns().get(get(OTAA, "session"));
        outcomes.add(Status.Code.OK);
      } catch (StatusRuntimeException e) {
        outcomes.add(e.getStatus().getCode());
        assertEquals("3", client.lastHeader("x-rate-limit-retry"));
        assertEquals("0", client.lastHeader("x-rate-limit-available"));
      }
    }

    long firstSequence = simulator.calls().get(0).sequence();
    List<Status.Code> expected = new ArrayList<>();
    for (long sequence = firstSequence; sequence < firstSequence + 4; sequence++) {
      expected.add(sequence % 2 == 0 ? Status.Code.RESOURCE_EXHAUSTED : Status.Code.OK);
    }
    assertEquals(expected, outcomes);
    assertEquals(4, simulator.calls().size());
  }

  @Test
  void tlsServesTheCertificateOfItsCaFileOnly() throws Exception {
    Path caFile;
    try (TtsSimulator tls = TtsSimulator.builder().apiKey(API_KEY).tls(true).start()) {
      tls.put(OTAA);
      caFile = tls.caFile();
      assertTrue(Files.readString(caFile).startsWith("-----BEGIN CERTIFICATE-----"));

      try (SimulatorClient trusting =
              new SimulatorClient(
                  tls,
                  TlsChannelCredentials.newBuilder().trustManager(caFile.toFile()).build(),
                  API_KEY);
          SimulatorClient jdkTrust =
              new SimulatorClient(tls, TlsChannelCredentials.create(), API_KEY)) {
        assertEquals(OTAA.getName(), trusting.is().get(get(OTAA, "name")).getName());
        assertStatus(Status.Code.UNAVAILABLE, () -> jdkTrust.is().get(get(OTAA, "name")));
      }
    }
    assertFalse(Files.exists(caFile), "the CA file is removed on close");
  }

  @Test
  void latencyDelaysConcurrentCallsWithoutQueueingThem() throws Exception {
    Duration latency = Duration.ofMillis(100);
    try (TtsSimulator slow = TtsSimulator.builder().apiKey(API_KEY).latency(latency).start();
        SimulatorClient slowClient = SimulatorClient.plaintext(slow, API_KEY)) {
      slow.put(OTAA);
      NsEndDeviceRegistryGrpc.NsEndDeviceRegistryFutureStub stub =
          slowClient.configure(NsEndDeviceRegistryGrpc.newFutureStub(slowClient.channel()));
      stub.get(get(OTAA, "session")).get();

      long start = System.nanoTime();
      List<ListenableFuture<EndDevice>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(stub.get(get(OTAA, "session")));
      }
      for (ListenableFuture<EndDevice> call : calls) {
        call.get();
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

      assertTrue(elapsed.compareTo(latency) >= 0, "elapsed " + elapsed);
      assertTrue(elapsed.compareTo(Duration.ofSeconds(1)) < 0, "elapsed " + elapsed);
    }
  }

  private EndDevice stored(TtsServer server, EndDevice device) {
    return simulator.stored(server, APP, deviceId(device)).orElseThrow();
  }

  private static String deviceId(EndDevice device) {
    return device.getIds().getDeviceId();
  }

  private static EndDevice device(String deviceId) {
    return EndDevice.newBuilder()
        .setIds(
            EndDeviceIdentifiers.newBuilder()
                .setDeviceId(deviceId)
                .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(APP)))
        .build();
  }

  private static GetEndDeviceRequest get(EndDevice device, String... paths) {
    return GetEndDeviceRequest.newBuilder()
        .setEndDeviceIds(device.getIds())
        .setFieldMask(mask(paths))
        .build();
  }

  private static ListEndDevicesRequest list(
      String applicationId, int limit, int page, String... paths) {
    return ListEndDevicesRequest.newBuilder()
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(applicationId))
        .setFieldMask(mask(paths))
        .setLimit(limit)
        .setPage(page)
        .build();
  }

  private static FieldMask mask(String... paths) {
    return FieldMask.newBuilder().addAllPaths(List.of(paths)).build();
  }

  private static void assertStatus(Status.Code expected, Executable call) {
    assertEquals(expected, assertThrows(StatusRuntimeException.class, call).getStatus().getCode());
  }

  private static ErrorDetails details(StatusRuntimeException error) {
    return TtsErrorAssertions.details(error);
  }
}
