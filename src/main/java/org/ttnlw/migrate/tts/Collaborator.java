package org.ttnlw.migrate.tts;

import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.proto.OrganizationIdentifiers;
import org.ttnlw.migrate.proto.OrganizationOrUserIdentifiers;
import org.ttnlw.migrate.proto.UserIdentifiers;

/** A user or organization of the target, as {@code --target.collaborator} names it. */
public final class Collaborator {
  private Collaborator() {}

  /**
   * @param value {@code user:ID} or {@code organization:ID}
   * @param needed what needs a collaborator, for the message, e.g. "--target.create-application"
   * @throws ConfigException when the value is missing or not of that form
   */
  public static OrganizationOrUserIdentifiers parse(String value, String needed) {
    String given = value == null ? "" : value.strip();
    int colon = given.indexOf(':');
    String kind = colon < 0 ? "" : given.substring(0, colon);
    String id = colon < 0 ? "" : given.substring(colon + 1);
    if (!(kind.equals("user") || kind.equals("organization")) || DeviceIds.problem(id) != null) {
      throw new ConfigException(needed + " needs --target.collaborator user:ID or"
          + " organization:ID (or TARGET_COLLABORATOR), got \"" + given + "\"");
    }
    OrganizationOrUserIdentifiers.Builder owner = OrganizationOrUserIdentifiers.newBuilder();
    return kind.equals("user")
        ? owner.setUserIds(UserIdentifiers.newBuilder().setUserId(id)).build()
        : owner.setOrganizationIds(OrganizationIdentifiers.newBuilder().setOrganizationId(id))
            .build();
  }

  /** {@code user:ID} or {@code organization:ID}, for messages. */
  public static String describe(OrganizationOrUserIdentifiers ids) {
    return ids.hasUserIds() ? "user:" + ids.getUserIds().getUserId()
        : "organization:" + ids.getOrganizationIds().getOrganizationId();
  }
}
