package org.ttnlw.migrate.sim.chirpstack;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import java.util.Optional;

/**
 * Who is calling, from the {@code authorization: Bearer <token>} header, and what ChirpStack's
 * access checks let them see: an admin key sees everything and hears NOT_FOUND for what is
 * missing; a tenant key sees its tenant only and hears UNAUTHENTICATED, without a message, for
 * anything else, missing or not. A read-only key hears the same when it asks to change something.
 */
record Caller(Optional<String> tenantId, boolean readOnly) {
  private static final String BEARER = "Bearer ";

  static final Caller ADMIN = new Caller(Optional.empty(), false);

  static Caller authenticate(String authorization, String adminKey, Map<String, Caller> tenantKeys) {
    if (authorization == null) {
      throw Status.UNAUTHENTICATED.withDescription("no authorization provided").asRuntimeException();
    }
    if (!authorization.startsWith(BEARER)) {
      throw Status.UNAUTHENTICATED.withDescription("authorization header must start with Bearer")
          .asRuntimeException();
    }
    String token = authorization.substring(BEARER.length());
    if (token.equals(adminKey)) {
      return ADMIN;
    }
    Caller tenant = tenantKeys.get(token);
    if (tenant == null) {
      throw Status.UNAUTHENTICATED.withDescription("InvalidSignature").asRuntimeException();
    }
    return tenant;
  }

  /** Whether this caller may change objects of {@code ownerTenant}. */
  boolean writes(String ownerTenant) {
    return !readOnly && (tenantId.isEmpty() || tenantId.get().equals(ownerTenant));
  }

  /** Whether an object of {@code ownerTenant} (empty for global ones) is visible. */
  boolean sees(String ownerTenant) {
    return tenantId.isEmpty() || ownerTenant.isEmpty() || tenantId.get().equals(ownerTenant);
  }

  /** The answer for an object that is missing, or that this caller may not see. */
  StatusRuntimeException missing(String what) {
    return tenantId.isEmpty()
        ? Status.NOT_FOUND.withDescription("Object does not exist (id: " + what + ")")
            .asRuntimeException()
        : Status.UNAUTHENTICATED.asRuntimeException();
  }
}
