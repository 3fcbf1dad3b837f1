package org.ttnlw.migrate.source.tts;

import com.google.protobuf.Message;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.calls.RetryingCalls;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.Application;
import org.ttnlw.migrate.proto.ApplicationLink;
import org.ttnlw.migrate.proto.ApplicationPackageDefaultAssociation;
import org.ttnlw.migrate.proto.ApplicationPackageDefaultAssociations;
import org.ttnlw.migrate.proto.ApplicationPackageRegistryGrpc;
import org.ttnlw.migrate.proto.ApplicationPubSubRegistryGrpc;
import org.ttnlw.migrate.proto.ApplicationPubSubs;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.proto.ApplicationWebhookRegistryGrpc;
import org.ttnlw.migrate.proto.ApplicationWebhooks;
import org.ttnlw.migrate.proto.ListApplicationPackageDefaultAssociationRequest;
import org.ttnlw.migrate.proto.ListApplicationPubSubsRequest;
import org.ttnlw.migrate.proto.ListApplicationWebhooksRequest;
import org.ttnlw.migrate.proto.MACSettingsProfile;
import org.ttnlw.migrate.tts.MacSettingsProfiles;
import org.ttnlw.migrate.tts.MaskedCalls;
import org.ttnlw.migrate.tts.PagedList;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.SettingsKind;
import org.ttnlw.migrate.tts.SettingsKinds;
import org.ttnlw.migrate.tts.TtsCallException;
import org.ttnlw.migrate.tts.TtsServer;
import org.ttnlw.migrate.tts.UnknownFields;

/**
 * Reads everything that moves of one application: the application's own fields (IS), the AS link,
 * every webhook, every pub/sub, every package default association and every MAC settings profile
 * (NS), each without the fields the server assigns, and each refused when it carries a field this
 * tool does not know.
 */
final class SettingsReader {
  private static final Logger log = LoggerFactory.getLogger(SettingsReader.class);
  /** Default associations asked for per page. */
  static final int PAGE_SIZE = 100;

  private final MaskedCalls calls;
  private final RegistryCalls registry;

  SettingsReader(MaskedCalls calls, RegistryCalls registry) {
    this.calls = calls;
    this.registry = registry;
  }

  ApplicationSettings read(String applicationId) {
    Application application = SettingsKinds.APPLICATION.get(calls, applicationId, "");
    if (application == null) {
      throw new MigrationException("application " + applicationId + " not found");
    }
    ApplicationSettings.Builder settings = ApplicationSettings.newBuilder()
        .setApplication(SettingsKinds.APPLICATION.moved(application));
    ApplicationLink link = SettingsKinds.LINK.get(calls, applicationId, "");
    if (link != null) {
      settings.setLink(SettingsKinds.LINK.moved(link));
    }
    RetryingCalls.Answer<ApplicationWebhooks> webhooks = calls.call(
        TtsServer.APPLICATION_SERVER, ApplicationWebhookRegistryGrpc.getListMethod(),
        SettingsKinds.WEBHOOK.paths(), mask -> ListApplicationWebhooksRequest.newBuilder()
            .setApplicationIds(SettingsKinds.app(applicationId)).setFieldMask(mask).build(),
        "listing the webhooks of application " + applicationId);
    checkComplete(webhooks, webhooks.message().getWebhooksCount(), "webhooks", applicationId);
    webhooks.message().getWebhooksList()
        .forEach(item -> settings.addWebhooks(SettingsKinds.WEBHOOK.moved(known(item,
            SettingsKinds.WEBHOOK, applicationId))));
    RetryingCalls.Answer<ApplicationPubSubs> pubsubs = calls.call(
        TtsServer.APPLICATION_SERVER, ApplicationPubSubRegistryGrpc.getListMethod(),
        SettingsKinds.PUBSUB.paths(), mask -> ListApplicationPubSubsRequest.newBuilder()
            .setApplicationIds(SettingsKinds.app(applicationId)).setFieldMask(mask).build(),
        "listing the pub/subs of application " + applicationId);
    checkComplete(pubsubs, pubsubs.message().getPubsubsCount(), "pub/subs", applicationId);
    pubsubs.message().getPubsubsList()
        .forEach(item -> settings.addPubsubs(SettingsKinds.PUBSUB.moved(known(item,
            SettingsKinds.PUBSUB, applicationId))));
    defaultAssociations(applicationId).forEach(item ->
        settings.addPackageDefaultAssociations(SettingsKinds.DEFAULT_ASSOCIATION.moved(known(item,
            SettingsKinds.DEFAULT_ASSOCIATION, applicationId))));
    profiles(applicationId)
        .forEach(item -> settings.addMacSettingsProfiles(SettingsKinds.PROFILE.moved(item)));
    return settings.build();
  }

  /** The listed item, refused when it carries a field this tool does not know. */
  private static <T extends Message> T known(T item, SettingsKind<T> kind, String applicationId) {
    UnknownFields.refuse(item, "the " + kind.describe(item) + " of application " + applicationId);
    return item;
  }

  /** The application's MAC settings profiles; none where the NS predates them (Unimplemented). */
  private List<MACSettingsProfile> profiles(String applicationId) {
    try {
      return Futures.await(MacSettingsProfiles.list(registry, applicationId));
    } catch (TtsCallException e) {
      if (e.code() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
      log.info("the source Network Server has no MAC settings profiles (a release before"
          + " 3.33.0): application {} is exported without any", applicationId);
      return List.of();
    }
  }

  /** Every page of default associations, each of {@link #PAGE_SIZE}, until the total is read. */
  private List<ApplicationPackageDefaultAssociation> defaultAssociations(String applicationId) {
    List<ApplicationPackageDefaultAssociation> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      int pageNumber = page;
      String what = "listing the package default associations of application " + applicationId
          + " (page " + page + ")";
      RetryingCalls.Answer<ApplicationPackageDefaultAssociations> answer = calls.call(
          TtsServer.APPLICATION_SERVER,
          ApplicationPackageRegistryGrpc.getListDefaultAssociationsMethod(),
          SettingsKinds.DEFAULT_ASSOCIATION.paths(),
          mask -> ListApplicationPackageDefaultAssociationRequest.newBuilder()
              .setIds(SettingsKinds.app(applicationId)).setLimit(PAGE_SIZE).setPage(pageNumber)
              .setFieldMask(mask).build(), what);
      all.addAll(answer.message().getDefaultsList());
      long total = PagedList.totalIn(answer.headers(), what).orElse(all.size());
      if (all.size() >= total || answer.message().getDefaultsCount() == 0) {
        if (all.size() < total) {
          throw new MigrationException("the package default associations of application "
              + applicationId + " came back incomplete: " + all.size() + " of " + total
              + "; nothing is written for it");
        }
        return all;
      }
    }
  }

  /**
   * Fails unless one List answer (webhooks, pub/subs: their requests have no limit or page in
   * this tool's protos, and the field numbers TTS 3.34.0 gave them are not known) holds every
   * item: a server that pages these lists answers its default page only, which the total, or
   * without one a full default page, gives away.
   */
  private static void checkComplete(RetryingCalls.Answer<?> answer, int count, String what,
      String applicationId) {
    String listing = "listing the " + what + " of application " + applicationId;
    OptionalLong total = PagedList.totalIn(answer.headers(), listing);
    if (total.isPresent() ? count >= total.getAsLong() : count < PagedList.SERVER_DEFAULT_PAGE) {
      return;
    }
    throw new MigrationException(listing + ": the source Application Server answered "
        + count + (total.isPresent() ? " of " + total.getAsLong() : " (a whole default page)")
        + ": it pages this list (TTS 3.34.0 and later) and this tool cannot ask for the next page"
        + " (the request field's number is not in its protos); nothing of the application's"
        + " settings is written. Move its " + what + " by hand");
  }
}
