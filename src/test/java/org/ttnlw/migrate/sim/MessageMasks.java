package org.ttnlw.migrate.sim;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import com.google.protobuf.util.FieldMaskUtil;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Field-mask operations with TTS path semantics on any TTS message. TTS paths may name a oneof
 * group ({@code mac_settings.adr.mode.static}, {@code provider}), which protobuf's
 * {@link FieldMaskUtil} does not know, so paths are translated to plain field paths first.
 */
final class MessageMasks {
  /** Masked fields take the source's value, or are cleared where the source has none. */
  private static final FieldMaskUtil.MergeOptions REPLACE =
      new FieldMaskUtil.MergeOptions()
          .setReplaceMessageFields(true)
          .setReplaceRepeatedFields(true)
          .setReplacePrimitiveFields(true);

  private MessageMasks() {}

  /** The message restricted to the given paths plus {@code implicitPaths}. */
  @SuppressWarnings("unchecked")
  static <M extends Message> M select(
      M message, Collection<String> implicitPaths, Collection<String> ttsPaths) {
    List<String> paths = new ArrayList<>(implicitPaths);
    paths.addAll(ttsPaths);
    Message.Builder selected = message.newBuilderForType();
    FieldMaskUtil.merge(toFieldMask(message.getDescriptorForType(), paths), message, selected,
        REPLACE);
    return (M) selected.build();
  }

  /** {@code target} with the masked fields replaced by those of {@code changes}, as TTS Set does. */
  @SuppressWarnings("unchecked")
  static <M extends Message> M apply(M target, M changes, Collection<String> ttsPaths) {
    Message.Builder updated = target.toBuilder();
    FieldMaskUtil.merge(toFieldMask(target.getDescriptorForType(), ttsPaths), changes, updated,
        REPLACE);
    return (M) updated.build();
  }

  /** Protobuf field paths for TTS paths; a oneof name at the end stands for all its fields. */
  static FieldMask toFieldMask(Descriptor type, Collection<String> ttsPaths) {
    FieldMask.Builder mask = FieldMask.newBuilder();
    for (String path : ttsPaths) {
      translate(type, path.split("\\."), 0, "", mask);
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
        "no such field path: " + String.join(".", segments));
  }
}
