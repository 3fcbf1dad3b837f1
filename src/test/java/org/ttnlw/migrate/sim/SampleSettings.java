package org.ttnlw.migrate.sim;

import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Struct;
import com.google.protobuf.util.Timestamps;
import com.google.protobuf.util.Values;
import java.util.List;
import org.ttnlw.migrate.proto.Application;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.ApplicationLink;
import org.ttnlw.migrate.proto.ApplicationPackageDefaultAssociation;
import org.ttnlw.migrate.proto.ApplicationPackageDefaultAssociationIdentifiers;
import org.ttnlw.migrate.proto.ApplicationPubSub;
import org.ttnlw.migrate.proto.ApplicationPubSubIdentifiers;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.proto.ApplicationWebhook;
import org.ttnlw.migrate.proto.ApplicationWebhookHealth;
import org.ttnlw.migrate.proto.ApplicationWebhookIdentifiers;
import org.ttnlw.migrate.proto.ApplicationWebhookTemplateIdentifiers;
import org.ttnlw.migrate.proto.MessagePayloadFormatters;
import org.ttnlw.migrate.proto.OrganizationOrUserIdentifiers;
import org.ttnlw.migrate.proto.PayloadFormatter;
import org.ttnlw.migrate.proto.UserIdentifiers;

/**
 * An application with one item of each kind that moves, as a source TTS holds it, with the
 * server-assigned fields (timestamps, webhook health) set, and credentials in every place TTS
 * keeps them. The secrets are {@link #SECRETS}, for tests that check they are never logged.
 */
public final class SampleSettings {
  public static final String HEADER_TOKEN = "Bearer WEBHOOK-HEADER-SECRET";
  public static final String DOWNLINK_KEY = "NNSXS.DOWNLINK-KEY-SECRET";
  public static final String MQTT_PASSWORD = "MQTT-PASSWORD-SECRET";
  public static final String PACKAGE_TOKEN = "LORA-CLOUD-TOKEN-SECRET";
  public static final List<String> SECRETS =
      List.of(HEADER_TOKEN, DOWNLINK_KEY, MQTT_PASSWORD, PACKAGE_TOKEN);

  private SampleSettings() {}

  static ApplicationIdentifiers app(String applicationId) {
    return ApplicationIdentifiers.newBuilder().setApplicationId(applicationId).build();
  }

  public static Application application(String applicationId) {
    return Application.newBuilder()
        .setIds(app(applicationId))
        .setCreatedAt(Timestamps.fromMillis(1_700_000_000_000L))
        .setUpdatedAt(Timestamps.fromMillis(1_700_000_100_000L))
        .setName("My application")
        .setDescription("Soil sensors")
        .putAttributes("site", "north")
        .setAdministrativeContact(OrganizationOrUserIdentifiers.newBuilder()
            .setUserIds(UserIdentifiers.newBuilder().setUserId("alice")))
        .setTechnicalContact(OrganizationOrUserIdentifiers.newBuilder()
            .setUserIds(UserIdentifiers.newBuilder().setUserId("bob")))
        .setNetworkServerAddress("source.example.com")
        .build();
  }

  public static ApplicationLink link() {
    return ApplicationLink.newBuilder()
        .setDefaultFormatters(MessagePayloadFormatters.newBuilder()
            .setUpFormatter(PayloadFormatter.FORMATTER_JAVASCRIPT)
            .setUpFormatterParameter("function decodeUplink(input) { return {data: {}}; }"))
        .build();
  }

  public static ApplicationWebhook webhook(String applicationId, String webhookId) {
    return ApplicationWebhook.newBuilder()
        .setIds(ApplicationWebhookIdentifiers.newBuilder().setApplicationIds(app(applicationId))
            .setWebhookId(webhookId))
        .setCreatedAt(Timestamps.fromMillis(1_700_000_000_000L))
        .setBaseUrl("https://hooks.example.com/ttn")
        .putHeaders("Authorization", HEADER_TOKEN)
        .setFormat("json")
        .setTemplateIds(ApplicationWebhookTemplateIdentifiers.newBuilder().setTemplateId("tpl"))
        .putTemplateFields("region", "eu")
        .setDownlinkApiKey(DOWNLINK_KEY)
        .setUplinkMessage(ApplicationWebhook.Message.newBuilder().setPath("/up"))
        .setJoinAccept(ApplicationWebhook.Message.newBuilder().setPath("/join"))
        .setFieldMask(FieldMask.newBuilder().addPaths("up.uplink_message.decoded_payload"))
        .setHealthStatus(ApplicationWebhookHealth.newBuilder()
            .setHealthy(ApplicationWebhookHealth.WebhookHealthStatusHealthy.getDefaultInstance()))
        .setPaused(true)
        .build();
  }

  public static ApplicationPubSub pubSub(String applicationId, String pubSubId) {
    return ApplicationPubSub.newBuilder()
        .setIds(ApplicationPubSubIdentifiers.newBuilder().setApplicationIds(app(applicationId))
            .setPubSubId(pubSubId))
        .setFormat("json")
        .setBaseTopic("sensors")
        .setMqtt(ApplicationPubSub.MQTTProvider.newBuilder()
            .setServerUrl("mqtts://broker.example.com:8883")
            .setUsername("ttn")
            .setPassword(MQTT_PASSWORD)
            .setPublishQos(ApplicationPubSub.MQTTProvider.QoS.AT_LEAST_ONCE)
            .setUseTls(true)
            .setTlsCa(ByteString.copyFromUtf8("-----BEGIN CERTIFICATE-----\n")))
        .setUplinkMessage(ApplicationPubSub.Message.newBuilder().setTopic("up"))
        .build();
  }

  public static ApplicationPackageDefaultAssociation defaultAssociation(String applicationId,
      int fPort) {
    return ApplicationPackageDefaultAssociation.newBuilder()
        .setIds(ApplicationPackageDefaultAssociationIdentifiers.newBuilder()
            .setApplicationIds(app(applicationId)).setFPort(fPort))
        .setCreatedAt(Timestamps.fromMillis(1_700_000_000_000L))
        .setPackageName("lora-cloud-device-management-v1")
        .setData(Struct.newBuilder().putFields("token", Values.of(PACKAGE_TOKEN)))
        .build();
  }

  /** Stores the sample application with one item of each kind in {@code tts}. */
  public static void put(TtsSimulator tts, String applicationId) {
    tts.addApplication(application(applicationId));
    tts.putSetting(applicationId, link());
    tts.putSetting(applicationId, webhook(applicationId, "my-hook"));
    tts.putSetting(applicationId, pubSub(applicationId, "my-mqtt"));
    tts.putSetting(applicationId, defaultAssociation(applicationId, 199));
  }

  /** The sample as {@code application-settings} exports it: without server-assigned fields. */
  public static ApplicationSettings document(String applicationId) {
    return ApplicationSettings.newBuilder()
        .setApplication(application(applicationId).toBuilder().clearCreatedAt().clearUpdatedAt()
            .clearNetworkServerAddress())
        .setLink(link())
        .addWebhooks(webhook(applicationId, "my-hook").toBuilder().clearCreatedAt()
            .clearHealthStatus())
        .addPubsubs(pubSub(applicationId, "my-mqtt"))
        .addPackageDefaultAssociations(defaultAssociation(applicationId, 199).toBuilder()
            .clearCreatedAt())
        .build();
  }
}
