package org.ttnlw.migrate.sim;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import com.google.protobuf.util.Timestamps;
import com.google.protobuf.util.Values;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.ttnlw.migrate.proto.Application;
import org.ttnlw.migrate.proto.ApplicationAccessGrpc;
import org.ttnlw.migrate.proto.ApplicationLink;
import org.ttnlw.migrate.proto.ApplicationPackageDefaultAssociation;
import org.ttnlw.migrate.proto.ApplicationPackageDefaultAssociations;
import org.ttnlw.migrate.proto.ApplicationPackageRegistryGrpc;
import org.ttnlw.migrate.proto.ApplicationPubSub;
import org.ttnlw.migrate.proto.ApplicationPubSubRegistryGrpc;
import org.ttnlw.migrate.proto.ApplicationPubSubs;
import org.ttnlw.migrate.proto.ApplicationRegistryGrpc;
import org.ttnlw.migrate.proto.ApplicationWebhook;
import org.ttnlw.migrate.proto.ApplicationWebhookRegistryGrpc;
import org.ttnlw.migrate.proto.ApplicationWebhooks;
import org.ttnlw.migrate.proto.AsGrpc;
import org.ttnlw.migrate.proto.Rights;
import org.ttnlw.migrate.sim.CallPipeline.Target;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * The application-level services of TTS (IS ApplicationAccess ListRights, ApplicationRegistry
 * Get/Create/Update; AS link,
 * webhooks, pub/subs and package default associations) over a {@link SettingsStore}, with the
 * field-mask validator, the implicit paths of each Get and List, NotFound for what is not stored,
 * paging with {@code x-total-count} where TTS pages, server-assigned timestamps, and the rights
 * each RPC checks ({@link KeyRights}), Create's right to create applications for its collaborator
 * included.
 */
final class SettingsService {
  private static final List<String> STAMPS = List.of("ids", "created_at", "updated_at");
  private static final List<String> WEBHOOK_IMPLICIT =
      List.of("ids", "created_at", "updated_at", "base_url", "format");
  private static final List<String> PUBSUB_IMPLICIT =
      List.of("ids", "created_at", "updated_at", "format", "provider", "base_topic");
  private static final List<String> ASSOCIATION_IMPLICIT =
      List.of("ids", "created_at", "updated_at", "package_name");

  private final SettingsStore store;
  private final CallPipeline pipeline;
  private final FieldMaskRules rules;
  private final KeyRights rights;
  private final Consumer<String> addApplication;
  private final Predicate<String> holdsDevicesOf;

  /**
   * @param addApplication tells the device registries of an application Create made
   * @param holdsDevicesOf whether the IS's device registry knows an application: one seeded with
   *     devices only exists as well
   */
  SettingsService(SettingsStore store, CallPipeline pipeline, FieldMaskRules rules,
      KeyRights rights, Consumer<String> addApplication, Predicate<String> holdsDevicesOf) {
    this.holdsDevicesOf = holdsDevicesOf;
    this.store = store;
    this.pipeline = pipeline;
    this.rules = rules;
    this.rights = rights;
    this.addApplication = addApplication;
  }

  /** A method through the pipeline that first checks the key's rights on the application. */
  private <Q, R> ServerMethodDefinition<Q, R> method(TtsServer server,
      MethodDescriptor<Q, R> descriptor, Function<Q, Target> target,
      CallPipeline.Handler<Q, R> handler) {
    return pipeline.method(server, descriptor, target, (request, headers) -> {
      rights.check(descriptor, target.apply(request).applicationId());
      return handler.handle(request, headers);
    });
  }

  /** The ID an item is stored under: its webhook, pub/sub ID or FPort; empty for the rest. */
  static String idOf(Message item) {
    if (item instanceof ApplicationWebhook webhook) {
      return webhook.getIds().getWebhookId();
    }
    if (item instanceof ApplicationPubSub pubsub) {
      return pubsub.getIds().getPubSubId();
    }
    if (item instanceof ApplicationPackageDefaultAssociation association) {
      return port(association.getIds().getFPort());
    }
    return "";
  }

  List<ServerServiceDefinition> definitions() {
    TtsServer is = TtsServer.IDENTITY_SERVER;
    TtsServer as = TtsServer.APPLICATION_SERVER;
    return List.of(
        ServerServiceDefinition.builder(ApplicationAccessGrpc.SERVICE_NAME)
            .addMethod(method(is, ApplicationAccessGrpc.getListRightsMethod(),
                request -> target(request.getApplicationId(), "", FieldMask.getDefaultInstance()),
                (request, headers) -> Rights.newBuilder().addAllRights(rights.listed(
                    request.getApplicationId(),
                    store.get(Application.class, request.getApplicationId(), "").isPresent()
                        || holdsDevicesOf.test(request.getApplicationId())))
                    .build()))
            .build(),
        ServerServiceDefinition.builder(ApplicationRegistryGrpc.SERVICE_NAME)
            .addMethod(method(is, ApplicationRegistryGrpc.getGetMethod(),
                request -> target(request.getApplicationIds().getApplicationId(), "",
                    request.getFieldMask()),
                (request, headers) -> get(Application.class,
                    ApplicationRegistryGrpc.getGetMethod(),
                    request.getApplicationIds().getApplicationId(), "", request.getFieldMask(),
                    STAMPS)))
            .addMethod(method(is, ApplicationRegistryGrpc.getCreateMethod(),
                request -> target(request.getApplication().getIds().getApplicationId(), "",
                    FieldMask.getDefaultInstance()),
                (request, headers) -> {
                  rights.checkCreate(request.getCollaborator());
                  return create(request.getApplication());
                }))
            .addMethod(method(is, ApplicationRegistryGrpc.getUpdateMethod(),
                request -> target(request.getApplication().getIds().getApplicationId(), "",
                    request.getFieldMask()),
                (request, headers) -> update(request.getApplication(), request.getFieldMask())))
            .build(),
        ServerServiceDefinition.builder(AsGrpc.SERVICE_NAME)
            .addMethod(method(as, AsGrpc.getGetLinkMethod(),
                request -> target(request.getApplicationIds().getApplicationId(), "",
                    request.getFieldMask()),
                (request, headers) -> get(ApplicationLink.class, AsGrpc.getGetLinkMethod(),
                    request.getApplicationIds().getApplicationId(), "", request.getFieldMask(),
                    List.of())))
            .addMethod(method(as, AsGrpc.getSetLinkMethod(),
                request -> target(request.getApplicationIds().getApplicationId(), "",
                    request.getFieldMask()),
                (request, headers) -> set(AsGrpc.getSetLinkMethod(),
                    request.getApplicationIds().getApplicationId(), "", request.getLink(),
                    request.getFieldMask(), List.of())))
            .build(),
        ServerServiceDefinition.builder(ApplicationWebhookRegistryGrpc.SERVICE_NAME)
            .addMethod(method(as, ApplicationWebhookRegistryGrpc.getGetMethod(),
                request -> target(request.getIds().getApplicationIds().getApplicationId(),
                    request.getIds().getWebhookId(), request.getFieldMask()),
                (request, headers) -> get(ApplicationWebhook.class,
                    ApplicationWebhookRegistryGrpc.getGetMethod(),
                    request.getIds().getApplicationIds().getApplicationId(),
                    request.getIds().getWebhookId(), request.getFieldMask(), WEBHOOK_IMPLICIT)))
            .addMethod(method(as, ApplicationWebhookRegistryGrpc.getListMethod(),
                request -> target(request.getApplicationIds().getApplicationId(), "",
                    request.getFieldMask()),
                (request, headers) -> ApplicationWebhooks.newBuilder().addAllWebhooks(
                    list(ApplicationWebhook.class, ApplicationWebhookRegistryGrpc.getListMethod(),
                        request.getApplicationIds().getApplicationId(), request.getFieldMask(),
                        WEBHOOK_IMPLICIT, 0, 0, headers)).build()))
            .addMethod(method(as, ApplicationWebhookRegistryGrpc.getSetMethod(),
                request -> target(request.getWebhook().getIds().getApplicationIds()
                    .getApplicationId(), request.getWebhook().getIds().getWebhookId(),
                    request.getFieldMask()),
                (request, headers) -> set(ApplicationWebhookRegistryGrpc.getSetMethod(),
                    request.getWebhook().getIds().getApplicationIds().getApplicationId(),
                    request.getWebhook().getIds().getWebhookId(), request.getWebhook(),
                    request.getFieldMask(), WEBHOOK_IMPLICIT)))
            .build(),
        ServerServiceDefinition.builder(ApplicationPubSubRegistryGrpc.SERVICE_NAME)
            .addMethod(method(as, ApplicationPubSubRegistryGrpc.getGetMethod(),
                request -> target(request.getIds().getApplicationIds().getApplicationId(),
                    request.getIds().getPubSubId(), request.getFieldMask()),
                (request, headers) -> get(ApplicationPubSub.class,
                    ApplicationPubSubRegistryGrpc.getGetMethod(),
                    request.getIds().getApplicationIds().getApplicationId(),
                    request.getIds().getPubSubId(), request.getFieldMask(), PUBSUB_IMPLICIT)))
            .addMethod(method(as, ApplicationPubSubRegistryGrpc.getListMethod(),
                request -> target(request.getApplicationIds().getApplicationId(), "",
                    request.getFieldMask()),
                (request, headers) -> ApplicationPubSubs.newBuilder().addAllPubsubs(
                    list(ApplicationPubSub.class, ApplicationPubSubRegistryGrpc.getListMethod(),
                        request.getApplicationIds().getApplicationId(), request.getFieldMask(),
                        PUBSUB_IMPLICIT, 0, 0, headers)).build()))
            .addMethod(method(as, ApplicationPubSubRegistryGrpc.getSetMethod(),
                request -> target(request.getPubsub().getIds().getApplicationIds()
                    .getApplicationId(), request.getPubsub().getIds().getPubSubId(),
                    request.getFieldMask()),
                (request, headers) -> set(ApplicationPubSubRegistryGrpc.getSetMethod(),
                    request.getPubsub().getIds().getApplicationIds().getApplicationId(),
                    request.getPubsub().getIds().getPubSubId(), request.getPubsub(),
                    request.getFieldMask(), PUBSUB_IMPLICIT)))
            .build(),
        ServerServiceDefinition.builder(ApplicationPackageRegistryGrpc.SERVICE_NAME)
            .addMethod(method(as,
                ApplicationPackageRegistryGrpc.getGetDefaultAssociationMethod(),
                request -> target(request.getIds().getApplicationIds().getApplicationId(),
                    Integer.toString(request.getIds().getFPort()), request.getFieldMask()),
                (request, headers) -> get(ApplicationPackageDefaultAssociation.class,
                    ApplicationPackageRegistryGrpc.getGetDefaultAssociationMethod(),
                    request.getIds().getApplicationIds().getApplicationId(),
                    port(request.getIds().getFPort()), request.getFieldMask(),
                    ASSOCIATION_IMPLICIT)))
            .addMethod(method(as,
                ApplicationPackageRegistryGrpc.getListDefaultAssociationsMethod(),
                request -> target(request.getIds().getApplicationId(), "",
                    request.getFieldMask()),
                (request, headers) -> ApplicationPackageDefaultAssociations.newBuilder()
                    .addAllDefaults(list(ApplicationPackageDefaultAssociation.class,
                        ApplicationPackageRegistryGrpc.getListDefaultAssociationsMethod(),
                        request.getIds().getApplicationId(), request.getFieldMask(),
                        ASSOCIATION_IMPLICIT, request.getLimit(), request.getPage(), headers))
                    .build()))
            .addMethod(method(as,
                ApplicationPackageRegistryGrpc.getSetDefaultAssociationMethod(),
                request -> target(request.getDefault().getIds().getApplicationIds()
                    .getApplicationId(), Integer.toString(request.getDefault().getIds().getFPort()),
                    request.getFieldMask()),
                (request, headers) -> set(
                    ApplicationPackageRegistryGrpc.getSetDefaultAssociationMethod(),
                    request.getDefault().getIds().getApplicationIds().getApplicationId(),
                    port(request.getDefault().getIds().getFPort()), request.getDefault(),
                    request.getFieldMask(), ASSOCIATION_IMPLICIT)))
            .build());
  }

  /** Default associations are kept by FPort, in numeric order. */
  static String port(int fPort) {
    return String.format("%03d", fPort);
  }

  private static Target target(String applicationId, String id, FieldMask mask) {
    return new Target(applicationId, id, mask.getPathsList());
  }

  private <M extends Message> M get(Class<M> type, MethodDescriptor<?, ?> method,
      String applicationId, String id, FieldMask mask, List<String> implicit) {
    List<String> paths = rules.permitted(method, mask);
    M stored = store.get(type, applicationId, id).orElseThrow(() -> notFound(type, applicationId));
    return MessageMasks.select(stored, implicit, paths);
  }

  private <M extends Message> List<M> list(Class<M> type, MethodDescriptor<?, ?> method,
      String applicationId, FieldMask mask, List<String> implicit, int limit, int page,
      Metadata headers) {
    List<String> paths = rules.permitted(method, mask);
    List<M> all = store.list(type, applicationId);
    return ListPage.of(all, limit, page, ListPage.SERVER_DEFAULT, headers).stream()
        .map(item -> MessageMasks.select(item, implicit, paths))
        .toList();
  }

  /** AS Set: creates the item when none is stored, else changes the masked paths. */
  @SuppressWarnings("unchecked")
  private <M extends Message> M set(MethodDescriptor<?, ?> method, String applicationId,
      String id, M item, FieldMask mask, List<String> implicit) {
    List<String> paths = rules.permitted(method, mask);
    Class<M> type = (Class<M>) item.getClass();
    long now = System.currentTimeMillis();
    List<String> ids = item.getDescriptorForType().findFieldByName("ids") == null ? List.of()
        : List.of("ids");
    M base = store.get(type, applicationId, id).orElseGet(() ->
        stamped(MessageMasks.select(item, ids, List.of()), "created_at", now));
    M updated = stamped(MessageMasks.apply(base, item, paths), "updated_at", now);
    store.put(applicationId, id, updated);
    return MessageMasks.select(updated, implicit, paths);
  }

  private Application create(Application application) {
    String applicationId = application.getIds().getApplicationId();
    if (store.get(Application.class, applicationId, "").isPresent()) {
      throw TtsError.ID_TAKEN.toException(Map.of());
    }
    long now = System.currentTimeMillis();
    Application created = application.toBuilder()
        .setCreatedAt(Timestamps.fromMillis(now)).setUpdatedAt(Timestamps.fromMillis(now)).build();
    store.put(applicationId, "", created);
    addApplication.accept(applicationId);
    return created;
  }

  /** IS Update drops ids and the timestamps from its mask, as TTS does. */
  private Application update(Application changes, FieldMask mask) {
    List<String> paths = rules.permitted(ApplicationRegistryGrpc.getUpdateMethod(), mask).stream()
        .filter(path -> !STAMPS.contains(path)).toList();
    String applicationId = changes.getIds().getApplicationId();
    Application stored = store.get(Application.class, applicationId, "")
        .orElseThrow(() -> notFound(Application.class, applicationId));
    Application updated = MessageMasks.apply(stored, changes, paths).toBuilder()
        .setUpdatedAt(Timestamps.fromMillis(System.currentTimeMillis())).build();
    store.put(applicationId, "", updated);
    return MessageMasks.select(updated, STAMPS, paths);
  }

  @SuppressWarnings("unchecked")
  private static <M extends Message> M stamped(M item, String field, long now) {
    FieldDescriptor stamp = item.getDescriptorForType().findFieldByName(field);
    return stamp == null ? item
        : (M) item.toBuilder().setField(stamp, Timestamps.fromMillis(now)).build();
  }

  private static io.grpc.StatusRuntimeException notFound(Class<?> type, String applicationId) {
    return type == Application.class
        ? TtsError.APPLICATION_NOT_FOUND.toException(
            Map.of("application_id", Values.of(applicationId)))
        : TtsError.ENTITY_NOT_FOUND.toException(Map.of());
  }
}
