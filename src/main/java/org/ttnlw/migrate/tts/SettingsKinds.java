package org.ttnlw.migrate.tts;

import java.util.List;
import org.ttnlw.migrate.proto.Application;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.ApplicationLink;
import org.ttnlw.migrate.proto.ApplicationPackageDefaultAssociation;
import org.ttnlw.migrate.proto.ApplicationPackageDefaultAssociationIdentifiers;
import org.ttnlw.migrate.proto.ApplicationPackageRegistryGrpc;
import org.ttnlw.migrate.proto.ApplicationPubSub;
import org.ttnlw.migrate.proto.ApplicationPubSubIdentifiers;
import org.ttnlw.migrate.proto.ApplicationPubSubRegistryGrpc;
import org.ttnlw.migrate.proto.ApplicationRegistryGrpc;
import org.ttnlw.migrate.proto.ApplicationWebhook;
import org.ttnlw.migrate.proto.ApplicationWebhookIdentifiers;
import org.ttnlw.migrate.proto.ApplicationWebhookRegistryGrpc;
import org.ttnlw.migrate.proto.AsGrpc;
import org.ttnlw.migrate.proto.GetApplicationLinkRequest;
import org.ttnlw.migrate.proto.GetApplicationPackageDefaultAssociationRequest;
import org.ttnlw.migrate.proto.GetApplicationPubSubRequest;
import org.ttnlw.migrate.proto.GetApplicationRequest;
import org.ttnlw.migrate.proto.GetApplicationWebhookRequest;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.proto.SetApplicationLinkRequest;
import org.ttnlw.migrate.proto.SetApplicationPackageDefaultAssociationRequest;
import org.ttnlw.migrate.proto.SetApplicationPubSubRequest;
import org.ttnlw.migrate.proto.SetApplicationWebhookRequest;
import org.ttnlw.migrate.proto.UpdateApplicationRequest;

/** The kinds of application settings that move, as TTS serves them. */
public final class SettingsKinds {
  private SettingsKinds() {}

  /** What Get/List and Set of webhooks and pub/subs check, per the v3.32.1 facts. */
  private static final List<Right> TRAFFIC_SETTINGS = List.of(Right.RIGHT_APPLICATION_TRAFFIC_READ,
      Right.RIGHT_APPLICATION_SETTINGS_BASIC, Right.RIGHT_APPLICATION_TRAFFIC_DOWN_WRITE);

  public static ApplicationIdentifiers app(String applicationId) {
    return ApplicationIdentifiers.newBuilder().setApplicationId(applicationId).build();
  }

  public static final SettingsKind<Application, GetApplicationRequest, UpdateApplicationRequest>
      APPLICATION = new SettingsKind<>("application", "application",
          List.of(Right.RIGHT_APPLICATION_INFO, Right.RIGHT_APPLICATION_SETTINGS_BASIC),
          TtsServer.IDENTITY_SERVER,
          Application.getDefaultInstance(),
          ApplicationRegistryGrpc.getGetMethod(), (applicationId, id, mask) ->
              GetApplicationRequest.newBuilder().setApplicationIds(app(applicationId))
                  .setFieldMask(mask).build(),
          ApplicationRegistryGrpc.getUpdateMethod(), (applicationId, item, mask) ->
              UpdateApplicationRequest.newBuilder().setApplication(item).setFieldMask(mask)
                  .build(),
          item -> "", (item, applicationId) ->
              item.toBuilder().setIds(app(applicationId)).build());

  public static final
      SettingsKind<ApplicationLink, GetApplicationLinkRequest, SetApplicationLinkRequest> LINK =
      new SettingsKind<>("link", "link",
          List.of(Right.RIGHT_APPLICATION_SETTINGS_BASIC), TtsServer.APPLICATION_SERVER,
          ApplicationLink.getDefaultInstance(),
          AsGrpc.getGetLinkMethod(), (applicationId, id, mask) ->
              GetApplicationLinkRequest.newBuilder().setApplicationIds(app(applicationId))
                  .setFieldMask(mask).build(),
          AsGrpc.getSetLinkMethod(), (applicationId, item, mask) ->
              SetApplicationLinkRequest.newBuilder().setApplicationIds(app(applicationId))
                  .setLink(item).setFieldMask(mask).build(),
          item -> "", (item, applicationId) -> item);

  public static final SettingsKind<ApplicationWebhook, GetApplicationWebhookRequest,
      SetApplicationWebhookRequest> WEBHOOK = new SettingsKind<>("webhook",
          "webhooks", TRAFFIC_SETTINGS, TtsServer.APPLICATION_SERVER,
          ApplicationWebhook.getDefaultInstance(),
          ApplicationWebhookRegistryGrpc.getGetMethod(), (applicationId, id, mask) ->
              GetApplicationWebhookRequest.newBuilder().setIds(webhookIds(applicationId, id))
                  .setFieldMask(mask).build(),
          ApplicationWebhookRegistryGrpc.getSetMethod(), (applicationId, item, mask) ->
              SetApplicationWebhookRequest.newBuilder().setWebhook(item).setFieldMask(mask)
                  .build(),
          item -> item.getIds().getWebhookId(), (item, applicationId) ->
              item.toBuilder().setIds(webhookIds(applicationId, item.getIds().getWebhookId()))
                  .build());

  public static final SettingsKind<ApplicationPubSub, GetApplicationPubSubRequest,
      SetApplicationPubSubRequest> PUBSUB = new SettingsKind<>("pub/sub",
          "pub/subs", TRAFFIC_SETTINGS, TtsServer.APPLICATION_SERVER,
          ApplicationPubSub.getDefaultInstance(),
          ApplicationPubSubRegistryGrpc.getGetMethod(), (applicationId, id, mask) ->
              GetApplicationPubSubRequest.newBuilder().setIds(pubSubIds(applicationId, id))
                  .setFieldMask(mask).build(),
          ApplicationPubSubRegistryGrpc.getSetMethod(), (applicationId, item, mask) ->
              SetApplicationPubSubRequest.newBuilder().setPubsub(item).setFieldMask(mask).build(),
          item -> item.getIds().getPubSubId(), (item, applicationId) ->
              item.toBuilder().setIds(pubSubIds(applicationId, item.getIds().getPubSubId()))
                  .build());

  public static final SettingsKind<ApplicationPackageDefaultAssociation,
      GetApplicationPackageDefaultAssociationRequest,
      SetApplicationPackageDefaultAssociationRequest> DEFAULT_ASSOCIATION = new SettingsKind<>(
          "package default association on FPort", "package default associations",
          List.of(Right.RIGHT_APPLICATION_SETTINGS_PACKAGES), TtsServer.APPLICATION_SERVER,
          ApplicationPackageDefaultAssociation.getDefaultInstance(),
          ApplicationPackageRegistryGrpc.getGetDefaultAssociationMethod(),
          (applicationId, id, mask) -> GetApplicationPackageDefaultAssociationRequest.newBuilder()
              .setIds(associationIds(applicationId, Integer.parseInt(id))).setFieldMask(mask)
              .build(),
          ApplicationPackageRegistryGrpc.getSetDefaultAssociationMethod(),
          (applicationId, item, mask) -> SetApplicationPackageDefaultAssociationRequest
              .newBuilder().setDefault(item).setFieldMask(mask).build(),
          item -> Integer.toString(item.getIds().getFPort()), (item, applicationId) ->
              item.toBuilder().setIds(associationIds(applicationId, item.getIds().getFPort()))
                  .build());

  /** Every kind, in the order they are moved. */
  public static final List<SettingsKind<?, ?, ?>> ALL =
      List.of(APPLICATION, LINK, WEBHOOK, PUBSUB, DEFAULT_ASSOCIATION);

  public static ApplicationWebhookIdentifiers webhookIds(String applicationId, String webhookId) {
    return ApplicationWebhookIdentifiers.newBuilder().setApplicationIds(app(applicationId))
        .setWebhookId(webhookId).build();
  }

  public static ApplicationPubSubIdentifiers pubSubIds(String applicationId, String pubSubId) {
    return ApplicationPubSubIdentifiers.newBuilder().setApplicationIds(app(applicationId))
        .setPubSubId(pubSubId).build();
  }

  public static ApplicationPackageDefaultAssociationIdentifiers associationIds(String applicationId,
      int fPort) {
    return ApplicationPackageDefaultAssociationIdentifiers.newBuilder()
        .setApplicationIds(app(applicationId)).setFPort(fPort).build();
  }
}
