package org.ttnlw.migrate.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.ErrorDetails;

class GrpcRetryClassifierTest {
  private static final boolean READ = true;
  private static final boolean WRITE = false;

  @Test
  void onlyPassingFailuresAreTransient() {
    Set<Status.Code> transientForReads = EnumSet.of(Status.Code.UNAVAILABLE,
        Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED, Status.Code.DEADLINE_EXCEEDED);
    for (Status.Code code : Status.Code.values()) {
      Status status = Status.fromCode(code);
      assertEquals(transientForReads.contains(code), GrpcRetryClassifier.isTransient(status, READ),
          "read " + code);
      assertEquals(transientForReads.contains(code) && code != Status.Code.DEADLINE_EXCEEDED,
          GrpcRetryClassifier.isTransient(status, WRITE), "write " + code);
    }
  }

  @Test
  void internalOrCancelledIsTransientOnlyAsAConnectionReset() {
    assertTrue(GrpcRetryClassifier.isTransient(Status.INTERNAL.withDescription(
        "RST_STREAM closed stream. HTTP/2 error code: INTERNAL_ERROR"), WRITE));
    assertTrue(GrpcRetryClassifier.isTransient(Status.CANCELLED.withDescription(
        "RST_STREAM closed stream. HTTP/2 error code: CANCEL"), READ));
    assertFalse(GrpcRetryClassifier.isTransient(Status.CANCELLED.withDescription("Call cancelled"), READ));
    assertTrue(GrpcRetryClassifier.isTransient(Status.INTERNAL.withDescription("http2 exception")
        .withCause(new IOException("Connection reset by peer")), READ));
    assertFalse(GrpcRetryClassifier.isTransient(Status.INTERNAL.withDescription("server bug"), READ));
  }

  @Test
  void aServersOwnErrorIsJudgedByItsCodeNotItsText() {
    com.google.rpc.Status answered = com.google.rpc.Status.newBuilder()
        .setCode(Status.Code.INTERNAL.value())
        .setMessage("error:pkg/redis:internal (connection reset by peer)")
        .addDetails(Any.pack(ErrorDetails.newBuilder().setNamespace("pkg/redis")
            .setName("internal").build()))
        .build();
    assertFalse(GrpcRetryClassifier.isTransient(
        GrpcRetryClassifier.judged(StatusProto.toStatusRuntimeException(answered)), READ));
    assertTrue(GrpcRetryClassifier.isTransient(GrpcRetryClassifier.judged(Status.INTERNAL
        .withDescription("RST_STREAM closed stream").asRuntimeException()), READ));
  }

  @Test
  void anUntrustedCertificateIsNotRetried() {
    Status handshake = Status.UNAVAILABLE.withDescription("ssl exception")
        .withCause(new RuntimeException(new SSLHandshakeException("PKIX path building failed")));
    assertFalse(GrpcRetryClassifier.isTransient(handshake, READ));
    assertTrue(GrpcRetryClassifier.isTransient(Status.UNAVAILABLE.withDescription("io exception")
        .withCause(new IOException("Connection refused")), READ));
  }

  @Test
  void aTransientFailureGoesAgainAfterWhatTheServerAsked() {
    Duration asked = Duration.ofSeconds(3);
    assertEquals(Retrier.Decision.retryAfter(asked),
        GrpcRetryClassifier.shouldRetry(Status.RESOURCE_EXHAUSTED, READ, asked));
    assertEquals(Retrier.Decision.GIVE_UP,
        GrpcRetryClassifier.shouldRetry(Status.PERMISSION_DENIED, READ, asked));
    assertEquals(Retrier.Decision.GIVE_UP,
        GrpcRetryClassifier.shouldRetry(Status.DEADLINE_EXCEEDED, WRITE, Duration.ZERO));
  }

  @Test
  void finalFailureSaysHowOftenItWasTriedOrWhyNot() {
    assertEquals("", GrpcRetryClassifier.remark(1, Status.UNAVAILABLE, READ));
    assertEquals("gave up after 6 attempts", GrpcRetryClassifier.remark(6, Status.UNAVAILABLE, READ));
    assertTrue(GrpcRetryClassifier.remark(1, Status.DEADLINE_EXCEEDED, WRITE)
        .contains("may have applied the change"));
  }
}
