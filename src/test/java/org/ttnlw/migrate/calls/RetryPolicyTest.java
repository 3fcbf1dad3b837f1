package org.ttnlw.migrate.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final boolean READ = true;
  private static final boolean WRITE = false;

  @Test
  void onlyPassingFailuresAreTransient() {
    Set<Status.Code> transientForReads = EnumSet.of(Status.Code.UNAVAILABLE,
        Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED, Status.Code.DEADLINE_EXCEEDED);
    for (Status.Code code : Status.Code.values()) {
      Status status = Status.fromCode(code);
      assertEquals(transientForReads.contains(code), RetryPolicy.isTransient(status, READ),
          "read " + code);
      assertEquals(transientForReads.contains(code) && code != Status.Code.DEADLINE_EXCEEDED,
          RetryPolicy.isTransient(status, WRITE), "write " + code);
    }
  }

  @Test
  void internalOrCancelledIsTransientOnlyAsAConnectionReset() {
    assertTrue(RetryPolicy.isTransient(Status.INTERNAL.withDescription(
        "RST_STREAM closed stream. HTTP/2 error code: INTERNAL_ERROR"), WRITE));
    assertTrue(RetryPolicy.isTransient(Status.CANCELLED.withDescription(
        "RST_STREAM closed stream. HTTP/2 error code: CANCEL"), READ));
    assertFalse(RetryPolicy.isTransient(Status.CANCELLED.withDescription("Call cancelled"), READ));
    assertTrue(RetryPolicy.isTransient(Status.INTERNAL.withDescription("http2 exception")
        .withCause(new IOException("Connection reset by peer")), READ));
    assertFalse(RetryPolicy.isTransient(Status.INTERNAL.withDescription("server bug"), READ));
  }

  @Test
  void anUntrustedCertificateIsNotRetried() {
    Status handshake = Status.UNAVAILABLE.withDescription("ssl exception")
        .withCause(new RuntimeException(new SSLHandshakeException("PKIX path building failed")));
    assertFalse(RetryPolicy.isTransient(handshake, READ));
    assertTrue(RetryPolicy.isTransient(Status.UNAVAILABLE.withDescription("io exception")
        .withCause(new IOException("Connection refused")), READ));
  }

  @Test
  void retriesUpToTheConfiguredNumber() {
    RetryPolicy policy = new RetryPolicy(2, Backoff.DEFAULT);
    assertTrue(policy.shouldRetry(1, Status.UNAVAILABLE, READ));
    assertTrue(policy.shouldRetry(2, Status.UNAVAILABLE, READ));
    assertFalse(policy.shouldRetry(3, Status.UNAVAILABLE, READ), "three attempts in all");
    assertFalse(policy.shouldRetry(1, Status.PERMISSION_DENIED, READ));
    assertFalse(new RetryPolicy(0, Backoff.DEFAULT).shouldRetry(1, Status.UNAVAILABLE, READ));
  }

  @Test
  void finalFailureSaysHowOftenItWasTriedOrWhyNot() {
    assertEquals("", RetryPolicy.remark(1, Status.UNAVAILABLE, READ));
    assertEquals("gave up after 6 attempts", RetryPolicy.remark(6, Status.UNAVAILABLE, READ));
    assertTrue(RetryPolicy.remark(1, Status.DEADLINE_EXCEEDED, WRITE)
        .contains("may have applied the change"));
  }
}
