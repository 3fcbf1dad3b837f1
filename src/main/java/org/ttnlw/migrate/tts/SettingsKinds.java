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
import org.ttnlw.migrate.proto.CreateMACSettingsProfileRequest;
import org.ttnlw.migrate.proto.CreateMACSettingsProfileResponse;
import org.ttnlw.migrate.proto.GetMACSettingsProfileRequest;
import org.ttnlw.migrate.proto.GetMACSettingsProfileResponse;
import org.ttnlw.migrate.proto.MACSettingsProfile;
import org.ttnlw.migrate.proto.MACSettingsProfileIdentifiers;
import org.ttnlw.migrate.proto.NsMACSettingsProfileRegistryGrpc;
import org.ttnlw.migrate.proto.UpdateMACSettingsProfileRequest;
import org.ttnlw.migrate.proto.UpdateMACSettingsProfileResponse;
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

  public static final SettingsKind<Application> APPLICATION = SettingsKind.withSet(
      "application", "application",
      List.of(Right.RIGHT_APPLICATION_INFO, Right.RIGHT_APPLICATION_SETTINGS_BASIC),
      TtsServer.IDENTITY_SERVER, Application.getDefaultInstance(),
      SettingsKind.Rpc.plain(ApplicationRegistryGrpc.getGetMethod(),
          (applicationId, id, item, mask) -> GetApplicationRequest.newBuilder()
              .setApplicationIds(app(applicationId)).setFieldMask(mask).build()),
      SettingsKind.Rpc.plain(ApplicationRegistryGrpc.getUpdateMethod(),
          (applicationId, id, item, mask) -> UpdateApplicationRequest.newBuilder()
              .setApplication(item).setFieldMask(mask).build()),
      SettingsKind.movedPaths(ApplicationRegistryGrpc.getUpdateMethod()),
      item -> "", (item, applicationId) -> item.toBuilder().setIds(app(applicationId)).build());

  public static final SettingsKind<ApplicationLink> LINK = SettingsKind.withSet("link", "link",
      List.of(Right.RIGHT_APPLICATION_SETTINGS_BASIC), TtsServer.APPLICATION_SERVER,
      ApplicationLink.getDefaultInstance(),
      SettingsKind.Rpc.plain(AsGrpc.getGetLinkMethod(),
          (applicationId, id, item, mask) -> GetApplicationLinkRequest.newBuilder()
              .setApplicationIds(app(applicationId)).setFieldMask(mask).build()),
      SettingsKind.Rpc.plain(AsGrpc.getSetLinkMethod(),
          (applicationId, id, item, mask) -> SetApplicationLinkRequest.newBuilder()
              .setApplicationIds(app(applicationId)).setLink(item).setFieldMask(mask).build()),
      SettingsKind.movedPaths(AsGrpc.getSetLinkMethod()),
      item -> "", (item, applicationId) -> item);

  public static final SettingsKind<ApplicationWebhook> WEBHOOK = SettingsKind.withSet(
      "webhook", "webhooks", TRAFFIC_SETTINGS, TtsServer.APPLICATION_SERVER,
      ApplicationWebhook.getDefaultInstance(),
      SettingsKind.Rpc.plain(ApplicationWebhookRegistryGrpc.getGetMethod(),
          (applicationId, id, item, mask) -> GetApplicationWebhookRequest.newBuilder()
              .setIds(webhookIds(applicationId, id)).setFieldMask(mask).build()),
      SettingsKind.Rpc.plain(ApplicationWebhookRegistryGrpc.getSetMethod(),
          (applicationId, id, item, mask) -> SetApplicationWebhookRequest.newBuilder()
              .setWebhook(item).setFieldMask(mask).build()),
      SettingsKind.movedPaths(ApplicationWebhookRegistryGrpc.getSetMethod()),
      item -> item.getIds().getWebhookId(), (item, applicationId) -> item.toBuilder()
          .setIds(webhookIds(applicationId, item.getIds().getWebhookId())).build());

  public static final SettingsKind<ApplicationPubSub> PUBSUB = SettingsKind.withSet(
      "pub/sub", "pub/subs", TRAFFIC_SETTINGS, TtsServer.APPLICATION_SERVER,
      ApplicationPubSub.getDefaultInstance(),
      SettingsKind.Rpc.plain(ApplicationPubSubRegistryGrpc.getGetMethod(),
          (applicationId, id, item, mask) -> GetApplicationPubSubRequest.newBuilder()
              .setIds(pubSubIds(applicationId, id)).setFieldMask(mask).build()),
      SettingsKind.Rpc.plain(ApplicationPubSubRegistryGrpc.getSetMethod(),
          (applicationId, id, item, mask) -> SetApplicationPubSubRequest.newBuilder()
              .setPubsub(item).setFieldMask(mask).build()),
      SettingsKind.movedPaths(ApplicationPubSubRegistryGrpc.getSetMethod()),
      item -> item.getIds().getPubSubId(), (item, applicationId) -> item.toBuilder()
          .setIds(pubSubIds(applicationId, item.getIds().getPubSubId())).build());

  public static final SettingsKind<ApplicationPackageDefaultAssociation> DEFAULT_ASSOCIATION =
      SettingsKind.withSet("package default association on FPort",
          "package default associations", List.of(Right.RIGHT_APPLICATION_SETTINGS_PACKAGES),
          TtsServer.APPLICATION_SERVER, ApplicationPackageDefaultAssociation.getDefaultInstance(),
          SettingsKind.Rpc.plain(ApplicationPackageRegistryGrpc.getGetDefaultAssociationMethod(),
              (applicationId, id, item, mask) -> GetApplicationPackageDefaultAssociationRequest
                  .newBuilder().setIds(associationIds(applicationId, Integer.parseInt(id)))
                  .setFieldMask(mask).build()),
          SettingsKind.Rpc.plain(
              ApplicationPackageRegistryGrpc.getSetDefaultAssociationMethod(),
              (applicationId, id, item, mask) -> SetApplicationPackageDefaultAssociationRequest
                  .newBuilder().setDefault(item).setFieldMask(mask).build()),
          SettingsKind.movedPaths(ApplicationPackageRegistryGrpc.getSetDefaultAssociationMethod()),
          item -> Integer.toString(item.getIds().getFPort()), (item, applicationId) ->
              item.toBuilder().setIds(associationIds(applicationId, item.getIds().getFPort()))
                  .build());

  /**
   * The NS's MAC settings profiles (TTS 3.33.0 and later): read with Get, made with Create and
   * changed with Update; the rights are the device rights the facts give for them.
   */
  public static final SettingsKind<MACSettingsProfile> PROFILE = new SettingsKind<>(
      "MAC settings profile", "MAC settings profiles",
      List.of(Right.RIGHT_APPLICATION_DEVICES_READ, Right.RIGHT_APPLICATION_DEVICES_WRITE),
      TtsServer.NETWORK_SERVER, MACSettingsProfile.getDefaultInstance(),
      SettingsKind.Rpc.of(NsMACSettingsProfileRegistryGrpc.getGetMethod(),
          (applicationId, id, item, mask) -> GetMACSettingsProfileRequest.newBuilder()
              .setMacSettingsProfileIds(profileIds(applicationId, id)).setFieldMask(mask).build(),
          GetMACSettingsProfileResponse::getMacSettingsProfile),
      SettingsKind.Rpc.of(NsMACSettingsProfileRegistryGrpc.getCreateMethod(),
          (applicationId, id, item, mask) -> CreateMACSettingsProfileRequest.newBuilder()
              .setMacSettingsProfile(item).build(),
          CreateMACSettingsProfileResponse::getMacSettingsProfile),
      SettingsKind.Rpc.of(NsMACSettingsProfileRegistryGrpc.getUpdateMethod(),
          (applicationId, id, item, mask) -> UpdateMACSettingsProfileRequest.newBuilder()
              .setMacSettingsProfileIds(profileIds(applicationId, id))
              .setMacSettingsProfile(item).setFieldMask(mask).build(),
          UpdateMACSettingsProfileResponse::getMacSettingsProfile),
      List.of("mac_settings"),
      item -> item.getIds().getProfileId(), (item, applicationId) -> item.toBuilder()
          .setIds(profileIds(applicationId, item.getIds().getProfileId())).build());

  /** Every kind, in the order they are moved. */
  public static final List<SettingsKind<?>> ALL =
      List.of(APPLICATION, LINK, WEBHOOK, PUBSUB, DEFAULT_ASSOCIATION, PROFILE);

  public static ApplicationWebhookIdentifiers webhookIds(String applicationId, String webhookId) {
    return ApplicationWebhookIdentifiers.newBuilder().setApplicationIds(app(applicationId))
        .setWebhookId(webhookId).build();
  }

  public static ApplicationPubSubIdentifiers pubSubIds(String applicationId, String pubSubId) {
    return ApplicationPubSubIdentifiers.newBuilder().setApplicationIds(app(applicationId))
        .setPubSubId(pubSubId).build();
  }

  public static MACSettingsProfileIdentifiers profileIds(String applicationId, String profileId) {
    return MACSettingsProfileIdentifiers.newBuilder().setApplicationIds(app(applicationId))
        .setProfileId(profileId).build();
  }

  public static ApplicationPackageDefaultAssociationIdentifiers associationIds(String applicationId,
      int fPort) {
    return ApplicationPackageDefaultAssociationIdentifiers.newBuilder()
        .setApplicationIds(app(applicationId)).setFPort(fPort).build();
  }
}
