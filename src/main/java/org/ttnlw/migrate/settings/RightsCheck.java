package org.ttnlw.migrate.settings;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ttnlw.migrate.calls.RetryingCalls;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.proto.ApplicationAccessGrpc;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.proto.Rights;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.SettingsKind;
import org.ttnlw.migrate.tts.SettingsKinds;
import org.ttnlw.migrate.tts.TtsCallException;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * The import's pre-flight: the rights the target's key holds on the application (IS {@code
 * ApplicationAccess/ListRights}) against those each kind of item in the file needs to be read and
 * written, so that a key short of a right changes nothing rather than half the application.
 */
final class RightsCheck {
  private final RegistryCalls registry;

  RightsCheck(RegistryCalls registry) {
    this.registry = registry;
  }

  /**
   * The key's rights on the application; none for an application it cannot see, or that does not
   * exist: TTS may answer that with an empty list or with NotFound.
   */
  Set<Right> held(String applicationId) {
    Rights rights = Futures.await(TtsCallException.orIfNotFound(registry.call(
        TtsServer.IDENTITY_SERVER, ApplicationAccessGrpc.getListRightsMethod(),
        SettingsKinds.app(applicationId), "listing the rights of the API key on application "
            + applicationId).thenApply(RetryingCalls.Answer::message),
        Rights.getDefaultInstance()));
    Set<Right> held = EnumSet.noneOf(Right.class);
    rights.getRightsList().stream().filter(right -> right != Right.UNRECOGNIZED)
        .forEach(held::add);
    if (held.contains(Right.RIGHT_ALL) || held.contains(Right.RIGHT_APPLICATION_ALL)) {
      SettingsKinds.ALL.forEach(kind -> held.addAll(kind.rights()));
    }
    return held;
  }

  /**
   * @throws ConfigException naming every right the items of {@code settings} need that
   *     {@code held} lacks, and what needs it
   */
  static void require(Set<Right> held, ApplicationSettings settings, String applicationId) {
    require(held, settings, applicationId, "nothing was written");
  }

  /** @param written what was written all the same, e.g. "nothing was written" */
  static void require(Set<Right> held, ApplicationSettings settings, String applicationId,
      String written) {
    Set<Right> missing = new LinkedHashSet<>();
    List<String> needs = new ArrayList<>();
    for (SettingsKind<?> kind : kindsIn(settings)) {
      List<Right> lacking = kind.rights().stream().filter(right -> !held.contains(right)).toList();
      if (!lacking.isEmpty()) {
        missing.addAll(lacking);
        needs.add(kind.items() + " need " + names(kind.rights()));
      }
    }
    if (!missing.isEmpty()) {
      throw new ConfigException("the target API key lacks " + names(missing)
          + " on application " + applicationId + " (" + String.join("; ", needs) + "); "
          + written + ". Give the key those rights, or use one that has them");
    }
  }

  private static List<SettingsKind<?>> kindsIn(ApplicationSettings settings) {
    List<SettingsKind<?>> kinds = new ArrayList<>(List.of(SettingsKinds.APPLICATION));
    if (settings.hasLink()) {
      kinds.add(SettingsKinds.LINK);
    }
    if (settings.getWebhooksCount() > 0) {
      kinds.add(SettingsKinds.WEBHOOK);
    }
    if (settings.getPubsubsCount() > 0) {
      kinds.add(SettingsKinds.PUBSUB);
    }
    if (settings.getPackageDefaultAssociationsCount() > 0) {
      kinds.add(SettingsKinds.DEFAULT_ASSOCIATION);
    }
    if (settings.getMacSettingsProfilesCount() > 0) {
      kinds.add(SettingsKinds.PROFILE);
    }
    return kinds;
  }

  /** {@code APPLICATION_INFO, ...}, as the Console and the CLI spell rights. */
  private static String names(java.util.Collection<Right> rights) {
    return String.join(", ", rights.stream()
        .map(right -> right.name().replaceFirst("^RIGHT_", "")).toList());
  }
}
