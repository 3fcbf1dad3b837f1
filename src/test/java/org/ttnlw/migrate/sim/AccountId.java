package org.ttnlw.migrate.sim;

import java.util.Optional;
import org.ttnlw.migrate.proto.OrganizationIdentifiers;
import org.ttnlw.migrate.proto.OrganizationOrUserIdentifiers;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.proto.UserIdentifiers;

/**
 * A user or organization, written {@code user:alice} or {@code organization:acme} in the
 * simulator's test handles.
 */
record AccountId(boolean organization, String id) {

  static AccountId parse(String text) {
    int colon = text.indexOf(':');
    String kind = colon < 0 ? "" : text.substring(0, colon);
    String id = text.substring(colon + 1);
    if (id.isEmpty() || !(kind.equals("user") || kind.equals("organization"))) {
      throw new IllegalArgumentException(
          "an account is user:ID or organization:ID, not " + text);
    }
    return new AccountId(kind.equals("organization"), id);
  }

  /** The account these identifiers name; empty when they name none. */
  static Optional<AccountId> of(OrganizationOrUserIdentifiers ids) {
    return switch (ids.getIdsCase()) {
      case ORGANIZATION_IDS ->
          Optional.of(new AccountId(true, ids.getOrganizationIds().getOrganizationId()));
      case USER_IDS -> Optional.of(new AccountId(false, ids.getUserIds().getUserId()));
      case IDS_NOT_SET -> Optional.empty();
    };
  }

  OrganizationOrUserIdentifiers toIdentifiers() {
    OrganizationOrUserIdentifiers.Builder ids = OrganizationOrUserIdentifiers.newBuilder();
    return organization
        ? ids.setOrganizationIds(OrganizationIdentifiers.newBuilder().setOrganizationId(id)).build()
        : ids.setUserIds(UserIdentifiers.newBuilder().setUserId(id)).build();
  }

  /** The right this account needs to list its gateways. */
  Right listGatewaysRight() {
    return organization ? Right.RIGHT_ORGANIZATION_GATEWAYS_LIST : Right.RIGHT_USER_GATEWAYS_LIST;
  }

  /** The right this account needs to create gateways. */
  Right createGatewaysRight() {
    return organization
        ? Right.RIGHT_ORGANIZATION_GATEWAYS_CREATE
        : Right.RIGHT_USER_GATEWAYS_CREATE;
  }

  @Override
  public String toString() {
    return (organization ? "organization:" : "user:") + id;
  }
}
