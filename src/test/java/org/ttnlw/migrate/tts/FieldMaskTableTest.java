package org.ttnlw.migrate.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldMaskTableTest {
  private final FieldMaskTable table = FieldMaskTable.bundled();

  @Test
  void everyServerHasGetPaths() {
    for (TtsServer server : TtsServer.values()) {
      assertFalse(table.allowed(server.getMethod().getFullMethodName()).isEmpty(), server.name());
    }
  }

  @Test
  void topLevelDropsPathsWhoseAncestorIsAllowed() {
    Set<String> top = table.topLevel("ttn.lorawan.v3.NsEndDeviceRegistry/Get");
    assertTrue(top.contains("mac_settings"));
    assertTrue(top.contains("session"));
    assertFalse(top.contains("mac_settings.schedule_downlinks"));
    assertTrue(top.stream().noneMatch(p -> p.contains(".")), top.toString());
    assertTrue(table.allowed("ttn.lorawan.v3.NsEndDeviceRegistry/Get").containsAll(top));
  }

  @Test
  void joinServerGetPathsMatchTheTable() {
    assertEquals(Set.of("application_server_address", "application_server_id",
            "application_server_kek_label", "claim_authentication_code", "ids", "last_dev_nonce",
            "last_join_nonce", "last_rj_count_0", "last_rj_count_1", "net_id",
            "network_server_address", "network_server_kek_label", "provisioner_id",
            "provisioning_data", "resets_join_nonces", "root_keys", "used_dev_nonces"),
        table.topLevel("ttn.lorawan.v3.JsEndDeviceRegistry/Get"));
  }

  @Test
  void setOfScheduleDownlinksIsAllowedOnTheNetworkServer() {
    assertTrue(table.allowed("ttn.lorawan.v3.NsEndDeviceRegistry/Set")
        .contains("mac_settings.schedule_downlinks"));
  }

  @Test
  void leavesAreThePathsWithoutAllowedSubPaths() throws Exception {
    String tsv = "rpc\tallowed_path\n" + String.join("\n", java.util.List.of("r/Set\tsession",
        "r/Set\tsession.dev_addr", "r/Set\tsession.keys", "r/Set\tsession.keys.session_key_id",
        "r/Set\tversion_ids")) + "\n";
    FieldMaskTable table = FieldMaskTable.parse(new java.io.ByteArrayInputStream(
        tsv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(Set.of("session.dev_addr", "session.keys.session_key_id", "version_ids"),
        table.leaves("r/Set"));
  }
}
