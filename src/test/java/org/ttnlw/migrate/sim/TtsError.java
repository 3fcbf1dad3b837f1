package org.ttnlw.migrate.sim;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.Values;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ttnlw.migrate.proto.ErrorDetails;

/**
 * An error definition as TTS declares it ({@code errors.DefineNotFound(name, format)} in its
 * namespace), turned into the gRPC error TTS sends: a {@code google.rpc.Status} whose details hold
 * one {@link ErrorDetails}. Names and formats are those of TTS v3. As TTS 3.36 does, the message
 * text and the attributes' texts are HTML-escaped, so a client that parses them breaks here too.
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

  static final TtsError GATEWAY_NOT_FOUND =
      new TtsError(Status.Code.NOT_FOUND, "pkg/identityserver/store", "gateway_not_found",
          "gateway with id `{gateway_id}` not found");
  static final TtsError GATEWAY_NOT_FOUND_BY_EUI =
      new TtsError(Status.Code.NOT_FOUND, "pkg/identityserver/store", "gateway_not_found_by_eui",
          "gateway with eui `{gateway_eui}` not found");
  static final TtsError GATEWAY_EUI_TAKEN =
      new TtsError(Status.Code.ALREADY_EXISTS, "pkg/identityserver", "gateway_eui_taken",
          "a gateway with EUI `{gateway_eui}` is already registered (by you or someone else) as"
              + " `{gateway_id}`");
  static final TtsError STORE_ID_TAKEN =
      new TtsError(Status.Code.ALREADY_EXISTS, "pkg/util/store", "id_taken",
          "ID already taken, choose a different one and try again");
  static final TtsError CONTACT_NO_COLLABORATOR =
      new TtsError(Status.Code.INVALID_ARGUMENT, "pkg/identityserver", "contact_no_collaborator",
          "contact `{contact}` is not a collaborator");
  static final TtsError CLAIM_AUTHENTICATION_CODE =
      new TtsError(Status.Code.INVALID_ARGUMENT, "pkg/identityserver", "claim_authentication_code",
          "invalid claim authentication code");
  static final TtsError RESTORE_WINDOW_EXPIRED =
      new TtsError(Status.Code.FAILED_PRECONDITION, "pkg/identityserver",
          "restore_window_expired", "this entity can no longer be restored");
  static final TtsError ADMINS_PURGE_GATEWAYS =
      new TtsError(Status.Code.PERMISSION_DENIED, "pkg/identityserver", "admins_purge_gateways",
          "gateways can only be purged by admins");
  static final TtsError NOT_CONNECTED =
      new TtsError(Status.Code.NOT_FOUND, "pkg/gatewayserver", "not_connected",
          "gateway `{gateway_uid}` not connected");
  /**
   * A call without a right it needs on a gateway, user or organization. The facts give the rights,
   * not these errors' names and wording, which follow TTS's {@code pkg/auth/rights} as {@link
   * KeyRights} does; the simulator adds the missing rights so that a test can tell which check
   * failed.
   */
  static final TtsError INSUFFICIENT_GATEWAY_RIGHTS =
      new TtsError(Status.Code.PERMISSION_DENIED, "pkg/auth/rights", "insufficient_gateway_rights",
          "insufficient rights for gateway `{uid}`, missing `{missing}`");
  static final TtsError INSUFFICIENT_USER_RIGHTS =
      new TtsError(Status.Code.PERMISSION_DENIED, "pkg/auth/rights", "insufficient_user_rights",
          "insufficient rights for user `{uid}`, missing `{missing}`");
  static final TtsError INSUFFICIENT_ORGANIZATION_RIGHTS =
      new TtsError(Status.Code.PERMISSION_DENIED, "pkg/auth/rights",
          "insufficient_organization_rights",
          "insufficient rights for organization `{uid}`, missing `{missing}`");
  /** A request field the server requires or whose value it refuses; name not in the facts. */
  static final TtsError INVALID_FIELD =
      new TtsError(Status.Code.INVALID_ARGUMENT, "pkg/ttnpb", "validation",
          "invalid `{field}`: {reason}");
  /** Not in the facts; the name is the simulator's. */
  static final TtsError API_KEY_NOT_FOUND =
      new TtsError(Status.Code.NOT_FOUND, "pkg/identityserver/store", "api_key_not_found",
          "API key with id `{api_key_id}` not found");

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
  StatusRuntimeException toException(Map<String, Value> given) {
    Map<String, Value> attributes = new TreeMap<>();
    given.forEach((key, value) -> attributes.put(key, escaped(value)));
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

  /** {@code value} with every text in it HTML-escaped as Go's {@code html.EscapeString} does. */
  private static Value escaped(Value value) {
    return switch (value.getKindCase()) {
      case STRING_VALUE -> Values.of(value.getStringValue().replace("&", "&amp;")
          .replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
          .replace("\"", "&#34;"));
      case LIST_VALUE -> Values.of(value.getListValue().getValuesList().stream()
          .map(TtsError::escaped).toList());
      default -> value;
    };
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
