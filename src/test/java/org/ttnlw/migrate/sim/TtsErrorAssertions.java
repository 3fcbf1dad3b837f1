package org.ttnlw.migrate.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.function.Executable;
import org.ttnlw.migrate.proto.ErrorDetails;

/** Assertions on the errors the simulator sends, as TTS sends them. */
final class TtsErrorAssertions {
  private TtsErrorAssertions() {}

  /**
   * Asserts that the call fails with this code and TTS error ({@code namespace:name}).
   *
   * @return the error's details, for its attributes
   */
  static ErrorDetails assertTtsError(Status.Code code, String error, Executable call) {
    StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call);
    assertEquals(code, failure.getStatus().getCode(), failure.getMessage());
    ErrorDetails details = details(failure);
    assertEquals(error, details.getNamespace() + ":" + details.getName());
    return details;
  }

  static ErrorDetails details(StatusRuntimeException error) {
    com.google.rpc.Status status = StatusProto.fromThrowable(error);
    assertEquals(1, status.getDetailsCount());
    try {
      return status.getDetails(0).unpack(ErrorDetails.class);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("details are not ttn.lorawan.v3.ErrorDetails", e);
    }
  }
}
