package org.ttnlw.migrate.sim;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ttnlw.migrate.proto.ErrorDetails;

/**
 * An error definition as TTS declares it ({@code errors.DefineNotFound(name, format)} in its
 * namespace), turned into the gRPC error TTS sends: a {@code google.rpc.Status} whose details hold
 * one {@link ErrorDetails}. Names and formats are those of TTS v3.
 */
record TtsError(Status.Code code, String namespace, String name, String messageFormat) {
  static final TtsError FORBIDDEN_FIELD_MASK_PATHS =
      new TtsError(
          Status.Code.INVALID_ARGUMENT,
          "pkg/rpcmiddleware/validator",
          "field_mask_paths",
          "forbidden path(s) in field mask");
  static final TtsError END_DEVICE_NOT_FOUND =
      new TtsError(
          Status.Code.NOT_FOUND,
          "pkg/identityserver/store",
          "end_device_not_found",
          "end device with id `{device_id}` not found in application with id `{application_id}`");
  static final TtsError APPLICATION_NOT_FOUND =
      new TtsError(
          Status.Code.NOT_FOUND,
          "pkg/identityserver/store",
          "application_not_found",
          "application with id `{application_id}` not found");

  static final TtsError END_DEVICE_EUIS_TAKEN =
      new TtsError(
          Status.Code.ALREADY_EXISTS,
          "pkg/identityserver",
          "end_device_euis_taken",
          "an end device with JoinEUI `{join_eui}` and DevEUI `{dev_eui}` is already registered as"
              + " `{device_id}` in application `{application_id}`");
  /** What a Set that would create a device without the fields its server needs answers. */
  static final TtsError FIELDS_REQUIRED =
      new TtsError(Status.Code.INVALID_ARGUMENT, "pkg/networkserver", "field_required",
          "fields required to create a device: {fields}");
  static final TtsError ID_TAKEN =
      new TtsError(Status.Code.ALREADY_EXISTS, "pkg/identityserver/store", "id_taken",
          "ID already taken");

  /** What the Redis-backed NS, AS and JS registries answer for a device they do not hold. */
  static final TtsError ENTITY_NOT_FOUND =
      new TtsError(Status.Code.NOT_FOUND, "pkg/redis", "not_found", "entity not found");

  static final TtsError UNAUTHENTICATED =
      new TtsError(
          Status.Code.UNAUTHENTICATED, "pkg/identityserver", "unauthenticated", "unauthenticated");
  static final TtsError INVALID_AUTHORIZATION =
      new TtsError(
          Status.Code.UNAUTHENTICATED,
          "pkg/identityserver",
          "invalid_authorization",
          "invalid authorization");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  /** A fresh occurrence of this error, with its own correlation id. */
  StatusRuntimeException toException(Map<String, Value> attributes) {
    ErrorDetails details =
        ErrorDetails.newBuilder()
            .setNamespace(namespace)
            .setName(name)
            .setMessageFormat(messageFormat)
            .setAttributes(Struct.newBuilder().putAllFields(attributes))
            .setCorrelationId(UUID.randomUUID().toString().replace("-", ""))
            .setCode(code.value())
            .build();
    com.google.rpc.Status status =
        com.google.rpc.Status.newBuilder()
            .setCode(code.value())
            .setMessage("error:" + namespace + ":" + name + " (" + message(attributes) + ")")
            .addDetails(Any.pack(details))
            .build();
    return StatusProto.toStatusRuntimeException(status);
  }

  /** The message format with its placeholders filled from the string attributes. */
  private String message(Map<String, Value> attributes) {
    return PLACEHOLDER
        .matcher(messageFormat)
        .replaceAll(
            match -> {
              Value value = attributes.get(match.group(1));
              return Matcher.quoteReplacement(
                  value == null ? match.group() : value.getStringValue());
            });
  }
}
