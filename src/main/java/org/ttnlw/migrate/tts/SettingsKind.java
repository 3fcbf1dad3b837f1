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
 * package default association, a MAC settings profile) as data: where it lives, how it is read,
 * created and updated, how it is named, and which of its paths move.
 *
 * @param noun "webhook", for messages
 * @param items "webhooks", for messages
 * @param rights the rights on the application that reading and writing such an item take
 * @param prototype the message's default instance, for its type
 * @param create the write of an item the server does not hold; the same RPC as {@code update}
 *     where the server's Set creates and changes alike
 * @param paths the paths that move
 * @param id the item's ID within the application; empty for one-per-application kinds
 * @param inApplication the item with its ids moved to another application
 */
public record SettingsKind<T extends Message>(
    String noun, String items, List<Right> rights, TtsServer server, T prototype,
    Rpc<T> read, Rpc<T> create, Rpc<T> update, List<String> paths,
    Function<T, String> id, BiFunction<T, String, T> inApplication) {

  /** Fields that the target assigns itself, that are deprecated, or that must never be sent. */
  private static final Set<String> NOT_MOVED = Set.of("ids", "created_at", "updated_at",
      "deleted_at", "health_status", "contact_info", "dev_eui_counter", "network_server_address",
      "application_server_address", "join_server_address", "api_key", "tls");

  /** A request of one RPC for an item; a read is given no item. */
  public interface Request<Q, T> {
    Q of(String applicationId, String id, T item, FieldMask mask);
  }

  /** One RPC on an item: its method, and a call that makes its request and takes the item out. */
  public record Rpc<T>(MethodDescriptor<?, ?> method, Call<T> call) {
    public static <Q, R, T> Rpc<T> of(MethodDescriptor<Q, R> method, Request<Q, T> request,
        Function<R, T> item) {
      return new Rpc<>(method, (calls, server, paths, applicationId, id, given, what) ->
          item.apply(calls.call(server, method, paths,
              mask -> request.of(applicationId, id, given, mask), what).message()));
    }

    /** An RPC that answers the item itself. */
    public static <Q, T> Rpc<T> plain(MethodDescriptor<Q, T> method, Request<Q, T> request) {
      return of(method, request, Function.identity());
    }
  }

  /** Calls an {@link Rpc} through {@link MaskedCalls}. */
  public interface Call<T> {
    T call(MaskedCalls calls, TtsServer server, List<String> paths, String applicationId,
        String id, T item, String what);
  }

  /** A kind whose one Set RPC creates what the server does not hold and changes what it does. */
  static <T extends Message> SettingsKind<T> withSet(String noun, String items,
      List<Right> rights, TtsServer server, T prototype, Rpc<T> read, Rpc<T> set,
      List<String> paths, Function<T, String> id, BiFunction<T, String, T> inApplication) {
    return new SettingsKind<>(noun, items, rights, server, prototype, read, set, set, paths, id,
        inApplication);
  }

  /** The paths that move of an item written with {@code write}: those it allows, less ids. */
  static List<String> movedPaths(MethodDescriptor<?, ?> write) {
    return FieldMaskTable.bundled().topLevel(write.getFullMethodName()).stream()
        .filter(path -> !NOT_MOVED.contains(path))
        .toList();
  }

  /** "webhook my-hook" or "link", for messages. */
  public String describe(T item) {
    String itemId = id.apply(item);
    return itemId.isEmpty() ? noun : noun + " " + itemId;
  }

  /**
   * The item as stored on the server, or null where it holds none; refused when it carries a field
   * this tool does not know.
   */
  public T get(MaskedCalls calls, String applicationId, String itemId) {
    String what = "reading " + noun + (itemId.isEmpty() ? "" : " " + itemId) + " of application "
        + applicationId;
    try {
      T item = read.call().call(calls, server, paths, applicationId, itemId, null, what);
      UnknownFields.refuse(item, what);
      return item;
    } catch (TtsCallException e) {
      if (e.isNotFound()) {
        return null;
      }
      throw e;
    }
  }

  /** Creates {@code item} with every moved path (those the server has not refused). */
  public void create(MaskedCalls calls, String applicationId, T item) {
    create.call().call(calls, server, paths, applicationId, id.apply(item), item,
        "writing " + describe(item) + " of application " + applicationId);
  }

  /** Writes the given paths of {@code item}, which the server holds (those it has not refused). */
  public void update(MaskedCalls calls, String applicationId, T item, List<String> changed) {
    update.call().call(calls, server, changed, applicationId, id.apply(item), item,
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
    for (String path : paths) {
      for (List<FieldDescriptor> fields : MessagePaths.resolve(item.getDescriptorForType(), path)) {
        MessagePaths.copy(item, kept, fields);
      }
    }
    return (T) kept.build();
  }

  /** The moved paths, less {@code skipped}, where {@code actual} holds other than {@code wanted}. */
  public List<Difference> differences(T wanted, T actual, Set<String> skipped) {
    return MessageComparison.differences(wanted, actual,
        paths.stream().filter(path -> !skipped.contains(path)).toList());
  }

  /** Those of {@code paths} where {@code item} holds no value at all. */
  public List<String> empty(T item, List<String> paths) {
    return paths.stream().filter(path -> MessagePaths.resolve(item.getDescriptorForType(), path)
        .stream().noneMatch(fields -> MessagePaths.holds(item, fields))).toList();
  }
}
