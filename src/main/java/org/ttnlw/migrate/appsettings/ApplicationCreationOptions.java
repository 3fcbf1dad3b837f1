package org.ttnlw.migrate.appsettings;

import org.ttnlw.migrate.export.DeviceIds;
import org.ttnlw.migrate.proto.OrganizationIdentifiers;
import org.ttnlw.migrate.proto.OrganizationOrUserIdentifiers;
import org.ttnlw.migrate.proto.UserIdentifiers;
import org.ttnlw.migrate.source.SourceConfigException;
import picocli.CommandLine.Option;

/**
 * Whether importing settings may create the target application, and for whom. Offered as
 * {@code --target.NAME} next to the target's other flags.
 */
public final class ApplicationCreationOptions {
  @Option(names = "--create-application",
      description = "Create the target application when it does not exist (with the name,"
          + " description, attributes and contacts of the file), owned by --target.collaborator."
          + " Without it the application must exist.")
  boolean createApplication;

  @Option(names = "--collaborator", paramLabel = "user:ID|organization:ID",
      description = "Who owns an application that --target.create-application creates: it gets"
          + " all rights on it.")
  String collaborator;

  /** The owner of a new application, or null when none may be created. */
  public OrganizationOrUserIdentifiers owner() {
    if (!createApplication) {
      return null;
    }
    String value = collaborator == null ? "" : collaborator.strip();
    int colon = value.indexOf(':');
    String kind = colon < 0 ? "" : value.substring(0, colon);
    String id = colon < 0 ? "" : value.substring(colon + 1);
    if (!(kind.equals("user") || kind.equals("organization")) || DeviceIds.problem(id) != null) {
      throw new SourceConfigException("--target.create-application needs --target.collaborator"
          + " user:ID or organization:ID (or TARGET_COLLABORATOR), got \"" + value + "\"");
    }
    OrganizationOrUserIdentifiers.Builder owner = OrganizationOrUserIdentifiers.newBuilder();
    return kind.equals("user")
        ? owner.setUserIds(UserIdentifiers.newBuilder().setUserId(id)).build()
        : owner.setOrganizationIds(OrganizationIdentifiers.newBuilder().setOrganizationId(id))
            .build();
  }
}
