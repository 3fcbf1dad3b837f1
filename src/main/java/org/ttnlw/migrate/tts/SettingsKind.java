package org.ttnlw.migrate.tts;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.ttnlw.migrate.proto.Right;

/**
 * One kind of application setting (the application itself, the AS link, a webhook, a pub/sub, a
 * package default association) as data: where it lives, how it is read and written, how it is
 * named, and which of its paths move.
 *
 * @param noun "webhook", for messages
 * @param items "webhooks", for messages
 * @param rights the rights on the application that reading and writing such an item take
 * @param prototype the message's default instance, for its type
 * @param id the item's ID within the application; empty for one-per-application kinds
 * @param inApplication the item with its ids moved to another application
 */
public record SettingsKind<T extends Message, G, S>(
    String noun, String items, List<Right> rights, TtsServer server, T prototype,
    MethodDescriptor<G, T> getMethod, GetRequest<G> getRequest,
    MethodDescriptor<S, T> setMethod, SetRequest<T, S> setRequest,
    Function<T, String> id, BiFunction<T, String, T> inApplication) {

  /** Fields that the target assigns itself, that are deprecated, or that must never be sent. */
  private static final Set<String> NOT_MOVED = Set.of("ids", "created_at", "updated_at",
      "deleted_at", "health_status", "contact_info", "dev_eui_counter", "network_server_address",
      "application_server_address", "join_server_address", "api_key", "tls");

  public interface GetRequest<G> {
    G of(String applicationId, String id, FieldMask mask);
  }

  public interface SetRequest<T, S> {
    S of(String applicationId, T item, FieldMask mask);
  }

  /** The paths that move: the top-level paths the write RPC allows, less {@link #NOT_MOVED}. */
  public List<String> paths() {
    return FieldMaskTable.bundled().topLevel(setMethod.getFullMethodName()).stream()
        .filter(path -> !NOT_MOVED.contains(path))
        .toList();
  }

  /** "webhook my-hook" or "link", for messages. */
  public String describe(T item) {
    String itemId = id.apply(item);
    return itemId.isEmpty() ? noun : noun + " " + itemId;
  }

  /** The item as stored on the server, or null where it holds none. */
  public T get(MaskedCalls calls, String applicationId, String itemId) {
    try {
      return calls.call(server, getMethod, paths(),
          mask -> getRequest.of(applicationId, itemId, mask),
          "reading " + noun + (itemId.isEmpty() ? "" : " " + itemId) + " of application "
              + applicationId).message();
    } catch (TtsCallException e) {
      if (e.isNotFound()) {
        return null;
      }
      throw e;
    }
  }

  /** Writes every moved path of {@code item} (those the server has not refused). */
  public void write(MaskedCalls calls, String applicationId, T item) {
    write(calls, applicationId, item, paths());
  }

  /** Writes the given paths of {@code item} (those the server has not refused). */
  public void write(MaskedCalls calls, String applicationId, T item, List<String> paths) {
    calls.call(server, setMethod, paths, mask -> setRequest.of(applicationId, item, mask),
        "writing " + describe(item) + " of application " + applicationId);
  }

  /** Only the moved paths of {@code item}, and its ids: what an export holds. */
  @SuppressWarnings("unchecked")
  public T moved(T item) {
    Message.Builder kept = item.newBuilderForType();
    FieldDescriptor ids = item.getDescriptorForType().findFieldByName("ids");
    if (ids != null && item.hasField(ids)) {
      kept.setField(ids, item.getField(ids));
    }
    for (String path : paths()) {
      for (List<FieldDescriptor> fields : MessagePaths.resolve(item.getDescriptorForType(), path)) {
        MessagePaths.copy(item, kept, fields);
      }
    }
    return (T) kept.build();
  }

  /** The moved paths, less {@code skipped}, where {@code actual} holds other than {@code wanted}. */
  public List<Difference> differences(T wanted, T actual, Set<String> skipped) {
    return MessageComparison.differences(wanted, actual,
        paths().stream().filter(path -> !skipped.contains(path)).toList());
  }

  /** Those of {@code paths} where {@code item} holds no value at all. */
  public List<String> empty(T item, List<String> paths) {
    return paths.stream().filter(path -> MessagePaths.resolve(item.getDescriptorForType(), path)
        .stream().noneMatch(fields -> MessagePaths.holds(item, fields))).toList();
  }
}
