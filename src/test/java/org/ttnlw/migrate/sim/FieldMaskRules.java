package org.ttnlw.migrate.sim;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Value;
import com.google.protobuf.util.Values;
import io.grpc.MethodDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ttnlw.migrate.tts.FieldMaskTable;

/**
 * TTS's field-mask validator: a non-empty mask naming a path its RPC does not allow fails with
 * InvalidArgument and the {@code forbidden_paths} attribute, before the handler runs. A simulator
 * of an older release refuses some paths the bundled table allows.
 */
record FieldMaskRules(Map<String, Set<String>> refusedByRpc) {
  static final FieldMaskRules CURRENT = new FieldMaskRules(Map.of());

  /** The mask's paths if the method allows them all. */
  List<String> permitted(MethodDescriptor<?, ?> method, FieldMask fieldMask) {
    Set<String> allowed = FieldMaskTable.bundled().allowed(method.getFullMethodName());
    Set<String> refused = refusedByRpc.getOrDefault(method.getFullMethodName(), Set.of());
    List<Value> forbidden =
        fieldMask.getPathsList().stream()
            .filter(path -> !allowed.contains(path) || refused.contains(path))
            .map(Values::of)
            .toList();
    if (!forbidden.isEmpty()) {
      throw TtsError.FORBIDDEN_FIELD_MASK_PATHS.toException(
          Map.of("forbidden_paths", Values.of(forbidden)));
    }
    return fieldMask.getPathsList();
  }
}
