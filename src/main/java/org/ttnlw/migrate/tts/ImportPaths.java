package org.ttnlw.migrate.tts;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.proto.EndDevice;

/**
 * What an import can write on each server: the leaves of the paths its write (IS Update, Set
 * elsewhere) allows, as TTS's CLI sends them. A device is written with exactly the leaves it
 * holds, and compared with what a server holds leaf by leaf.
 */
public final class ImportPaths {
  /** A path a write takes, with the fields it names. */
  public record Leaf(String path, List<FieldDescriptor> fields) {}

  /**
   * Leaves that change while the device runs (frame counters, MAC state, join nonces, times):
   * a device already in the target is not told apart from the source's by these.
   */
  private static final List<String> RUNNING = List.of("mac_state", "pending_mac_state",
      "pending_session", "session.last_", "activated_at", "last_seen_at",
      "last_dev_status_received_at", "last_dev_nonce", "last_join_nonce", "used_dev_nonces",
      "last_rj_count_", "battery_percentage", "power_state", "downlink_margin");

  private final Map<TtsServer, List<Leaf>> leaves = new EnumMap<>(TtsServer.class);

  public ImportPaths(FieldMaskTable table) {
    for (TtsServer server : TtsServer.values()) {
      List<Leaf> serverLeaves = new ArrayList<>();
      for (String path : table.leaves(server.write().method().getFullMethodName())) {
        for (List<FieldDescriptor> fields : MessagePaths.resolve(EndDevice.getDescriptor(), path)) {
          serverLeaves.add(new Leaf(path, fields));
        }
      }
      leaves.put(server, List.copyOf(serverLeaves));
    }
  }

  /** The leaves of {@code server}'s write that {@code device} holds a value at. */
  public List<Leaf> held(TtsServer server, EndDevice device) {
    return leaves.get(server).stream()
        .filter(leaf -> MessagePaths.holds(device, leaf.fields()))
        .toList();
  }

  /** What the IS Create of the device takes: its identity and the IS's fields it holds. */
  public EndDevice identityPart(EndDevice device) {
    EndDevice.Builder part = EndDevice.newBuilder().setIds(device.getIds());
    for (Leaf leaf : held(TtsServer.IDENTITY_SERVER, device)) {
      MessagePaths.copy(device, part, leaf.fields());
    }
    return part.build();
  }

  /** Of the paths of {@code leaves}, those where {@code actual} holds other than {@code wanted}. */
  public static List<Difference> differences(EndDevice wanted, EndDevice actual,
      Collection<Leaf> leaves) {
    return MessageComparison.differences(wanted, actual, leaves.stream().map(Leaf::path).toList());
  }

  /** Of {@code leaves}, those that stay as imported while the device runs. */
  public static List<Leaf> settled(List<Leaf> leaves) {
    return leaves.stream()
        .filter(leaf -> RUNNING.stream().noneMatch(leaf.path()::startsWith))
        .toList();
  }

  public static FieldMask mask(Collection<Leaf> leaves) {
    FieldMask.Builder mask = FieldMask.newBuilder();
    leaves.stream().map(Leaf::path).distinct().forEach(mask::addPaths);
    return mask.build();
  }
}
