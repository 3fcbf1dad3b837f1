package org.ttnlw.migrate.sim;

import java.util.List;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * One call the simulator received, as recorded and as shown to the fault hook.
 *
 * @param sequence 1 for the simulator's first call, counting up across all servers
 * @param method the bare method name: {@code Get}, {@code Create}, {@code Set}, {@code Update},
 *     {@code Delete} or
 *     {@code List}
 * @param deviceId empty for {@code List}
 * @param fieldMaskPaths the request's field mask, empty for {@code Delete}
 */
public record CallInfo(
    long sequence,
    TtsServer server,
    String method,
    String applicationId,
    String deviceId,
    List<String> fieldMaskPaths) {

  public CallInfo {
    fieldMaskPaths = List.copyOf(fieldMaskPaths);
  }

  /** Whether the call changes a registry: Create, Set, Update or Delete. */
  public boolean isWrite() {
    return switch (method) {
      case "Create", "Set", "Update", "Delete" -> true;
      default -> false;
    };
  }
}
