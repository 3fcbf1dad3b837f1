package org.ttnlw.migrate.calls;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.SecurityLevel;
import io.grpc.Status;
import java.util.concurrent.Executor;

/** Adds {@code authorization: Bearer KEY}, and refuses to send it unencrypted unless allowed. */
public final class ApiKeyCredentials extends CallCredentials {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final ApiKey apiKey;
  private final boolean plaintextAllowed;

  public ApiKeyCredentials(ApiKey apiKey, boolean plaintextAllowed) {
    this.apiKey = apiKey;
    this.plaintextAllowed = plaintextAllowed;
  }

  @Override
  public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
    if (info.getSecurityLevel() != SecurityLevel.PRIVACY_AND_INTEGRITY && !plaintextAllowed) {
      applier.fail(Status.UNAUTHENTICATED.withDescription(
          "refusing to send the API key over a connection without TLS; pass --insecure only for"
              + " a local deployment"));
      return;
    }
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, apiKey.bearerHeader());
    applier.apply(headers);
  }
}
