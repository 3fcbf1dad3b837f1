package org.ttnlw.migrate.sim;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.util.FieldMaskUtil;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ttnlw.migrate.proto.EndDevice;

/**
 * Field-mask operations on end devices with TTS path semantics. TTS paths may name a oneof group
 * ({@code mac_settings.adr.mode.static}), which protobuf's {@link FieldMaskUtil} does not know, so
 * paths are translated to plain field paths first.
 */
final class DeviceMasks {
  /** Paths TTS registries return with every device, whatever the mask. */
  static final List<String> IMPLICIT_PATHS = List.of("ids", "created_at", "updated_at");

  /** Masked fields take the source's value, or are cleared where the source has none. */
  private static final FieldMaskUtil.MergeOptions REPLACE =
      new FieldMaskUtil.MergeOptions()
          .setReplaceMessageFields(true)
          .setReplaceRepeatedFields(true)
          .setReplacePrimitiveFields(true);

  private DeviceMasks() {}

  /** The device restricted to the given paths plus {@link #IMPLICIT_PATHS}. */
  static EndDevice select(EndDevice device, Collection<String> ttsPaths) {
    List<String> paths = new ArrayList<>(IMPLICIT_PATHS);
    paths.addAll(ttsPaths);
    EndDevice.Builder selected = EndDevice.newBuilder();
    FieldMaskUtil.merge(toFieldMask(paths), device, selected, REPLACE);
    return selected.build();
  }

  /**
   * {@code target} with the masked fields replaced by those of {@code changes}, as TTS Set does.
   */
  static EndDevice apply(EndDevice target, EndDevice changes, Collection<String> ttsPaths) {
    EndDevice.Builder updated = target.toBuilder();
    FieldMaskUtil.merge(toFieldMask(ttsPaths), changes, updated, REPLACE);
    return updated.build();
  }

  /** Protobuf field paths for TTS paths; a oneof name at the end stands for all its fields. */
  static FieldMask toFieldMask(Collection<String> ttsPaths) {
    FieldMask.Builder mask = FieldMask.newBuilder();
    for (String path : ttsPaths) {
      translate(EndDevice.getDescriptor(), path.split("\\."), 0, "", mask);
    }
    return mask.build();
  }

  private static void translate(
      Descriptor type, String[] segments, int index, String prefix, FieldMask.Builder mask) {
    String segment = segments[index];
    boolean last = index == segments.length - 1;
    FieldDescriptor field = type.findFieldByName(segment);
    if (field != null) {
      String path = prefix + segment;
      if (last) {
        mask.addPaths(path);
      } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()) {
        translate(field.getMessageType(), segments, index + 1, path + ".", mask);
      } else {
        throw unknownPath(segments);
      }
      return;
    }
    OneofDescriptor oneof =
        type.getRealOneofs().stream()
            .filter(candidate -> candidate.getName().equals(segment))
            .findFirst()
            .orElseThrow(() -> unknownPath(segments));
    if (last) {
      oneof.getFields().forEach(member -> mask.addPaths(prefix + member.getName()));
    } else {
      translate(type, segments, index + 1, prefix, mask);
    }
  }

  private static IllegalArgumentException unknownPath(String[] segments) {
    return new IllegalArgumentException(
        "no such end device field path: " + String.join(".", segments));
  }
}
