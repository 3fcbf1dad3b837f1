package org.ttnlw.migrate.source.chirpstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.chirpstack.proto.ApplicationServiceGrpc;
import org.ttnlw.migrate.chirpstack.proto.GetApplicationRequest;
import org.ttnlw.migrate.chirpstack.proto.GetHttpIntegrationRequest;
import org.ttnlw.migrate.chirpstack.proto.HttpIntegration;
import org.ttnlw.migrate.chirpstack.proto.IntegrationListItem;
import org.ttnlw.migrate.chirpstack.proto.ListIntegrationsRequest;
import org.ttnlw.migrate.chirpstack.proto.ListIntegrationsResponse;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.Application;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.source.ApplicationSettingsSource;
import org.ttnlw.migrate.source.lorawan.TtsLimits;

/**
 * What of a ChirpStack v4 application has a TTS counterpart: its name, description and tags (as
 * attributes, after its UUID as {@code chirpstack-application-id}), and its HTTP integration as a
 * webhook. Every other integration is named as not migrated, with the reason.
 */
final class ChirpStackSettings implements ApplicationSettingsSource {
  private final ChirpStackCalls calls;

  ChirpStackSettings(ChirpStackConfig config, CallSettings context) {
    this.calls = new ChirpStackCalls(config, context);
  }

  @Override
  public Read read(String applicationUuid) {
    String applicationId = applicationUuid.toLowerCase(Locale.ROOT);
    org.ttnlw.migrate.chirpstack.proto.Application application = await(
        calls.call(ApplicationServiceGrpc.getGetMethod(),
            GetApplicationRequest.newBuilder().setId(applicationId).build(),
            "application " + applicationId)).getApplication();
    ApplicationSettings.Builder settings = ApplicationSettings.newBuilder()
        .setApplication(application(applicationId, application));
    List<String> notMigrated = new ArrayList<>();
    for (IntegrationListItem item : integrations(applicationId)) {
      IntegrationKinds.Kind kind = IntegrationKinds.of(item.getKind(), item.getKindValue());
      if (!kind.moves()) {
        notMigrated.add(IntegrationKinds.notMigrated(kind));
        continue;
      }
      HttpIntegration http = await(calls.call(ApplicationServiceGrpc.getGetHttpIntegrationMethod(),
          GetHttpIntegrationRequest.newBuilder().setApplicationId(applicationId).build(),
          "HTTP integration of application " + applicationId)).getIntegration();
      HttpWebhook.of(applicationId, http, notMigrated).ifPresent(settings::addWebhooks);
    }
    return new Read(settings.build(), List.copyOf(notMigrated));
  }

  private static Application application(String applicationId,
      org.ttnlw.migrate.chirpstack.proto.Application application) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(DeviceMapper.APPLICATION_ATTRIBUTE, applicationId);
    application.getTagsMap().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(tag -> attributes.putIfAbsent(tag.getKey(), tag.getValue()));
    return TtsLimits.apply(applicationId, Application.newBuilder()
        .setIds(ApplicationIdentifiers.newBuilder().setApplicationId(applicationId))
        .setName(application.getName())
        .setDescription(application.getDescription())
        .putAllAttributes(attributes)
        .build());
  }

  /** Every integration; ChirpStack does not page this list, so it must hold its total. */
  private List<IntegrationListItem> integrations(String applicationId) {
    ListIntegrationsResponse list = await(calls.call(
        ApplicationServiceGrpc.getListIntegrationsMethod(),
        ListIntegrationsRequest.newBuilder().setApplicationId(applicationId).build(),
        "integrations of application " + applicationId));
    if (list.getResultCount() < list.getTotalCount()) {
      throw new MigrationException("the integrations of application " + applicationId + " came back"
          + " incomplete: " + list.getResultCount() + " of " + list.getTotalCount()
          + "; nothing is written for it");
    }
    return list.getResultList();
  }

  /** The answer, or a {@link MigrationException} that says when the key cannot see the item. */
  private static <T> T await(CompletableFuture<T> call) {
    try {
      return Futures.await(call);
    } catch (ChirpStackCallException e) {
      if (e.isMissingOrHidden()) {
        throw new MigrationException(
            e.getMessage() + " (not found, or not visible to this API key)", e);
      }
      throw e;
    }
  }

  @Override
  public void close() {
    calls.close();
  }
}
