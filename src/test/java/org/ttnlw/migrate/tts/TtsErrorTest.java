package org.ttnlw.migrate.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.ErrorDetails;

class TtsErrorTest {
  @Test
  void describesTtsErrorDetailsWithAttributesFilledIn() {
    ErrorDetails details = ErrorDetails.newBuilder()
        .setNamespace("pkg/networkserver")
        .setName("end_device_not_found")
        .setMessageFormat("end device `{device_id}` not found ({count} tries)")
        .setAttributes(Struct.newBuilder()
            .putFields("device_id", Value.newBuilder().setStringValue("dev").build())
            .putFields("count", Value.newBuilder().setNumberValue(3).build()))
        .setCorrelationId("abc123")
        .build();
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
        .setCode(Status.Code.NOT_FOUND.value())
        .setMessage("error:pkg/networkserver:end_device_not_found")
        .addDetails(Any.pack(details))
        .build();

    assertEquals("NOT_FOUND: error:pkg/networkserver:end_device_not_found (end device `dev` not"
            + " found (3 tries)) [correlation_id abc123]",
        TtsError.describe(StatusProto.toStatusRuntimeException(status)));
  }

  @Test
  void plainStatusKeepsItsDescription() {
    assertEquals("UNAVAILABLE: io exception",
        TtsError.describe(Status.UNAVAILABLE.withDescription("io exception").asRuntimeException()));
  }

  @Test
  void aTransportsDescriptionLosesTheClassNamesOfTheExceptionsItQuotes() {
    assertEquals("UNAVAILABLE: PKIX path building failed: unable to find valid certification path"
            + " to requested target",
        TtsError.describe(Status.UNAVAILABLE.withDescription("PKIX path building failed:"
            + " sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid"
            + " certification path to requested target\nsecond line").asRuntimeException()));
  }

  @Test
  void aTransportsExceptionLosesTheClassNamesItsMessageQuotes() {
    assertEquals("UNAVAILABLE: PKIX path building failed: unable to find valid certification path"
            + " to requested target",
        TtsError.describe(Status.UNAVAILABLE.withCause(new javax.net.ssl.SSLHandshakeException(
            "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException:"
            + " unable to find valid certification path to requested target"))
            .asRuntimeException()));
  }

  @Test
  void unknownPlaceholderStaysVisible() {
    assertEquals("x {missing}", TtsError.fill("x {missing}", Struct.getDefaultInstance()));
  }
}
