package org.ttnlw.migrate.settings;

import org.ttnlw.migrate.proto.OrganizationOrUserIdentifiers;
import org.ttnlw.migrate.tts.Collaborator;
import picocli.CommandLine.Option;

/**
 * Whether importing settings may create the target application, and for whom. Offered as
 * {@code --target.NAME} next to the target's other flags.
 */
public final class ApplicationCreationOptions {
  @Option(names = "--create-application",
      description = "Create the target application when it does not exist (with the name,"
          + " description, attributes and contacts of the file), owned by the collaborator that"
          + " --target.collaborator names. Without it the application must exist.")
  boolean createApplication;

  @Option(names = "--collaborator", paramLabel = "user:ID|organization:ID",
      description = "The owner of an application created with --target.create-application: it"
          + " gets all rights on it. The target key needs USER_APPLICATIONS_CREATE on that user"
          + " (ORGANIZATION_APPLICATIONS_CREATE on that organization).")
  String collaborator;

  /** The owner of a new application, or null when none may be created. */
  public OrganizationOrUserIdentifiers owner() {
    if (!createApplication) {
      return null;
    }
    return Collaborator.parse(collaborator, "--target.create-application");
  }
}
