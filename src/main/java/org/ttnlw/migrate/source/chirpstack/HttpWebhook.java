package org.ttnlw.migrate.source.chirpstack;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ttnlw.migrate.chirpstack.proto.HttpIntegration;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.ApplicationWebhook;
import org.ttnlw.migrate.proto.ApplicationWebhookIdentifiers;
import org.ttnlw.migrate.source.lorawan.BundledTable;

/**
 * A ChirpStack HTTP integration as one TTS webhook: the event endpoint URL as its base URL, the
 * headers as they are, JSON or Protobuf encoding as format {@code json} or {@code protobuf}, and,
 * as ChirpStack posts every event to that one URL, each TTS message type that has a ChirpStack
 * event (the bundled {@code http-events.tsv}) enabled with an empty path.
 */
final class HttpWebhook {
  /** The ID of the webhook; ChirpStack has one HTTP integration per application. */
  static final String WEBHOOK_ID = "chirpstack-http";

  private static final List<FieldDescriptor> MESSAGES = new ArrayList<>();
  private static final List<String> UNMAPPED_EVENTS = new ArrayList<>();

  static {
    for (String[] row : BundledTable.read(HttpWebhook.class, "http-events.tsv",
        "chirpstack_event", "tts_webhook_message")) {
      if (row[1].isEmpty()) {
        UNMAPPED_EVENTS.add(row[0]);
        continue;
      }
      FieldDescriptor field = ApplicationWebhook.getDescriptor().findFieldByName(row[1]);
      if (field == null || field.getMessageType() != ApplicationWebhook.Message.getDescriptor()) {
        throw new IllegalStateException("http-events.tsv: " + row[1]
            + " is not a message type of a TTS webhook");
      }
      if (!MESSAGES.contains(field)) {
        MESSAGES.add(field);
      }
    }
  }

  /**
   * The webhook, or empty when the integration cannot be one; either way {@code notMigrated}
   * learns what does not move. Never names a header value or the URL, which may hold credentials.
   */
  static Optional<ApplicationWebhook> of(String applicationId, HttpIntegration integration,
      List<String> notMigrated) {
    Optional<String> format = format(integration);
    if (format.isEmpty()) {
      notMigrated.add("HTTP integration: its encoding (" + integration.getEncodingValue()
          + ") is neither JSON nor Protobuf");
      return Optional.empty();
    }
    if (!isOneHttpUrl(integration.getEventEndpointUrl())) {
      notMigrated.add("HTTP integration: its event endpoint is not one http(s) URL, and a TTS"
          + " webhook has exactly one base URL; create the webhook on the target by hand");
      return Optional.empty();
    }
    ApplicationWebhook.Builder webhook = ApplicationWebhook.newBuilder()
        .setIds(ApplicationWebhookIdentifiers.newBuilder().setWebhookId(WEBHOOK_ID)
            .setApplicationIds(ApplicationIdentifiers.newBuilder()
                .setApplicationId(applicationId)))
        .setBaseUrl(integration.getEventEndpointUrl().strip())
        .putAllHeaders(integration.getHeadersMap())
        .setFormat(format.get());
    for (FieldDescriptor message : MESSAGES) {
      webhook.setField(message, ApplicationWebhook.Message.getDefaultInstance());
    }
    notMigrated.add("HTTP integration: ChirpStack's " + String.join(", ", UNMAPPED_EVENTS)
        + " have no TTS webhook message; webhook " + WEBHOOK_ID + " does not send them");
    return Optional.of(webhook.build());
  }

  private static Optional<String> format(HttpIntegration integration) {
    return switch (integration.getEncoding()) {
      case JSON -> Optional.of("json");
      case PROTOBUF -> Optional.of("protobuf");
      case UNRECOGNIZED -> Optional.empty();
    };
  }

  private static boolean isOneHttpUrl(String url) {
    String text = url.strip();
    if (text.isEmpty() || text.contains(",") || text.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private HttpWebhook() {}
}
