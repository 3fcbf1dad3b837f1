package org.ttnlw.migrate.settings;

import com.google.protobuf.Message;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.proto.Application;
import org.ttnlw.migrate.proto.ApplicationRegistryGrpc;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.proto.CreateApplicationRequest;
import org.ttnlw.migrate.proto.OrganizationOrUserIdentifiers;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.settings.ItemOutcome.Change;
import org.ttnlw.migrate.tts.Difference;
import org.ttnlw.migrate.tts.MaskedCalls;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.SettingsKind;
import org.ttnlw.migrate.tts.SettingsKinds;
import org.ttnlw.migrate.tts.TtsCallException;
import org.ttnlw.migrate.tts.TtsConnection;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * Makes one application of the target match a settings document, item by item: an item that is
 * equal is left alone, a missing one is created, fields the target leaves empty are filled in, and
 * fields it holds with another value are overwritten only when asked to. Nothing in the target is
 * deleted. Every write is read back and compared. Before the first write, the key's rights on
 * the application are checked against what the file's items need; an application that does not
 * exist yet is created first (the key's right to create it is checked by Create itself), and the
 * rights on it are checked then.
 */
public final class SettingsImport implements AutoCloseable {
  /**
   * @param collaborator who becomes the owner of an application this import creates; null when
   *     the application must exist already
   */
  public record Choices(boolean updateExisting, boolean dryRun,
      OrganizationOrUserIdentifiers collaborator) {}

  private final RegistryCalls registry;
  private final MaskedCalls calls;
  private final RightsCheck rights;
  private final Choices choices;
  private boolean applicationMissing;

  public SettingsImport(TtsConnection target, CallSettings context, Choices choices) {
    this.registry = new RegistryCalls(target, context);
    this.calls = new MaskedCalls(registry, "target");
    this.rights = new RightsCheck(registry);
    this.choices = choices;
  }

  /** Makes {@code applicationId} of the target match {@code settings}; one outcome per item. */
  public List<ItemOutcome> apply(ApplicationSettings settings, String applicationId) {
    List<ItemOutcome> outcomes = new ArrayList<>();
    Application wanted = SettingsKinds.APPLICATION.inApplication().apply(
        SettingsKinds.APPLICATION.moved(settings.getApplication()), applicationId);
    Set<Right> held = rights.held(applicationId);
    if (!held.isEmpty()) {
      RightsCheck.require(held, settings, applicationId);
    }
    applicationMissing = isMissing(applicationId, held, settings);
    if (applicationMissing) {
      outcomes.add(create(wanted, applicationId, settings));
      if (outcomes.get(0).isProblem()) {
        return outcomes;
      }
    } else {
      outcomes.add(sync(SettingsKinds.APPLICATION, settings.getApplication(), applicationId));
    }
    if (settings.hasLink()) {
      outcomes.add(sync(SettingsKinds.LINK, settings.getLink(), applicationId));
    }
    settings.getWebhooksList()
        .forEach(item -> outcomes.add(sync(SettingsKinds.WEBHOOK, item, applicationId)));
    settings.getPubsubsList()
        .forEach(item -> outcomes.add(sync(SettingsKinds.PUBSUB, item, applicationId)));
    settings.getPackageDefaultAssociationsList().forEach(item ->
        outcomes.add(sync(SettingsKinds.DEFAULT_ASSOCIATION, item, applicationId)));
    settings.getMacSettingsProfilesList()
        .forEach(item -> outcomes.add(sync(SettingsKinds.PROFILE, item, applicationId)));
    return outcomes;
  }

  /**
   * Whether the target application does not exist. A key without any right on it cannot tell, so
   * unless the target says NotFound, such a key is refused naming the rights it needs.
   */
  private boolean isMissing(String applicationId, Set<Right> held, ApplicationSettings settings) {
    try {
      boolean missing = SettingsKinds.APPLICATION.get(calls, applicationId, "") == null;
      if (!missing && held.isEmpty()) {
        RightsCheck.require(held, settings, applicationId);
      }
      return missing;
    } catch (TtsCallException e) {
      if (held.isEmpty() && e.code() == Status.Code.PERMISSION_DENIED) {
        RightsCheck.require(held, settings, applicationId);
      }
      throw e;
    }
  }

  /**
   * Creates the application, the import's first write. The key's right to create it (on the
   * collaborator) has no read to check it with beforehand, so a refusal here stops the run; the
   * rights on the new application are checked before anything else is written.
   */
  private ItemOutcome create(Application wanted, String applicationId,
      ApplicationSettings settings) {
    OrganizationOrUserIdentifiers owner = choices.collaborator();
    if (owner == null) {
      throw new ConfigException("the target application " + applicationId + " does not"
          + " exist: create it first, or pass --target.create-application with"
          + " --target.collaborator user:ID or organization:ID");
    }
    String item = "application " + applicationId;
    if (choices.dryRun()) {
      return new ItemOutcome(item, Change.WOULD_CREATE, List.of(), "");
    }
    try {
      Futures.await(registry.call(TtsServer.IDENTITY_SERVER,
          ApplicationRegistryGrpc.getCreateMethod(), CreateApplicationRequest.newBuilder()
              .setApplication(wanted).setCollaborator(owner).build(),
          "creating application " + applicationId));
    } catch (TtsCallException e) {
      if (e.code() == Status.Code.PERMISSION_DENIED) {
        throw new ConfigException(createRefused(applicationId, owner, e));
      }
      return new ItemOutcome(item, Change.FAILED, List.of(), e.getMessage());
    }
    RightsCheck.require(rights.held(applicationId), settings, applicationId, "the application "
        + applicationId + " was created, nothing else was written");
    try {
      return readBack(SettingsKinds.APPLICATION, wanted, applicationId, Change.CREATED);
    } catch (TtsCallException e) {
      return new ItemOutcome(item, Change.FAILED, List.of(), e.getMessage());
    }
  }

  private static String createRefused(String applicationId, OrganizationOrUserIdentifiers owner,
      TtsCallException e) {
    String right = owner.hasOrganizationIds()
        ? "ORGANIZATION_APPLICATIONS_CREATE on organization "
            + owner.getOrganizationIds().getOrganizationId()
        : "USER_APPLICATIONS_CREATE on user " + owner.getUserIds().getUserId();
    return "the target API key may not create application " + applicationId + ": it lacks "
        + right + " (" + e.getMessage() + "); pass a key that holds that right with"
        + " --target.app-api-key, or with --target.collaborator an owner the key may create"
        + " applications for; nothing was written";
  }

  private <T extends Message> ItemOutcome sync(SettingsKind<T> kind, T item,
      String applicationId) {
    T wanted = kind.inApplication().apply(kind.moved(item), applicationId);
    String name = kind.describe(wanted);
    if (applicationMissing && choices.dryRun()) {
      return new ItemOutcome(name, Change.WOULD_CREATE, List.of(), "");
    }
    try {
      T actual = kind.get(calls, applicationId, kind.id().apply(wanted));
      if (actual != null) {
        List<Difference> differences = kind.differences(wanted, actual, skipped(kind));
        if (differences.isEmpty()) {
          return new ItemOutcome(name, Change.UNCHANGED, List.of(), "");
        }
        List<String> differing = Difference.paths(differences);
        List<String> unset = kind.empty(actual, differing);
        if (!choices.updateExisting() && unset.size() < differing.size()) {
          List<Difference> conflicting = differences.stream()
              .filter(difference -> !unset.contains(difference.path())).toList();
          return new ItemOutcome(name, Change.DIFFERS, conflicting, "");
        }
        if (choices.dryRun()) {
          return new ItemOutcome(name, Change.WOULD_UPDATE, differences, "");
        }
        kind.update(calls, applicationId, wanted, differing);
        ItemOutcome done = readBack(kind, wanted, applicationId, Change.UPDATED);
        return done.isProblem() ? done : new ItemOutcome(name, Change.UPDATED, differences, "");
      }
      if (choices.dryRun()) {
        return new ItemOutcome(name, Change.WOULD_CREATE, List.of(), "");
      }
      kind.create(calls, applicationId, wanted);
      return readBack(kind, wanted, applicationId, Change.CREATED);
    } catch (TtsCallException e) {
      return new ItemOutcome(name, Change.FAILED, List.of(), e.getMessage());
    }
  }

  private <T extends Message> ItemOutcome readBack(SettingsKind<T> kind, T wanted,
      String applicationId, Change done) {
    String name = kind.describe(wanted);
    T stored = kind.get(calls, applicationId, kind.id().apply(wanted));
    if (stored == null) {
      return new ItemOutcome(name, Change.FAILED, List.of(), "not found when read back");
    }
    List<Difference> differing = kind.differences(wanted, stored, skipped(kind));
    return differing.isEmpty() ? new ItemOutcome(name, done, List.of(), "")
        : new ItemOutcome(name, Change.FAILED, differing, "read back differently after the write");
  }

  /** The paths the target refused to read or write: they cannot match, and were warned about. */
  private Set<String> skipped(SettingsKind<?> kind) {
    Set<String> skipped = new HashSet<>(calls.refused(kind.read().method()));
    skipped.addAll(calls.refused(kind.create().method()));
    skipped.addAll(calls.refused(kind.update().method()));
    return skipped;
  }

  @Override
  public void close() {
    registry.close();
  }
}
