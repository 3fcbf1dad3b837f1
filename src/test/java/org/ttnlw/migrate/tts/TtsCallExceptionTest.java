package org.ttnlw.migrate.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.util.Values;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.ErrorDetails;

/** What the tool decides on a TTS error: its code, namespace, name and attributes, not its text. */
class TtsCallExceptionTest {
  private static final String VALIDATOR = "pkg/rpcmiddleware/validator";

  private static TtsCallException failed(Status.Code code, String namespace, String name,
      String message) {
    ErrorDetails details = ErrorDetails.newBuilder()
        .setNamespace(namespace)
        .setName(name)
        .setMessageFormat("forbidden path(s) in field mask")
        .setAttributes(Struct.newBuilder().putFields("forbidden_paths",
            Values.of(List.of(Values.of("mac_settings_profile_ids")))))
        .setCode(code.value())
        .build();
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
        .setCode(code.value())
        .setMessage(message)
        .addDetails(Any.pack(details))
        .build();
    return new TtsCallException("getting device d", "Network Server", "localhost:1884",
        "NsEndDeviceRegistry/Get", StatusProto.toStatusRuntimeException(status), "");
  }

  @Test
  void forbiddenPathsComeFromTheValidatorsErrorWhateverItsTextSays() {
    // 3.36 HTML-escapes the message; nothing is read from it.
    assertEquals(List.of("mac_settings_profile_ids"), failed(Status.Code.INVALID_ARGUMENT,
        VALIDATOR, "field_mask_paths", "error:pkg/rpcmiddleware/validator:field_mask_paths"
            + " (forbidden path(s) in field mask) &lt;escaped&gt; &#39;text&#39;").forbiddenPaths());
    assertEquals(List.of("mac_settings_profile_ids"), failed(Status.Code.INVALID_ARGUMENT,
        VALIDATOR, "field_mask_paths", "").forbiddenPaths());
  }

  @Test
  void anotherErrorWithTheSameAttributeOrTextForbidsNoPath() {
    String text = "error:pkg/rpcmiddleware/validator:field_mask_paths (forbidden path(s) in"
        + " field mask)";
    assertEquals(List.of(), failed(Status.Code.INVALID_ARGUMENT, VALIDATOR, "non_zero_path",
        text).forbiddenPaths());
    assertEquals(List.of(), failed(Status.Code.INVALID_ARGUMENT, "pkg/networkserver",
        "field_mask_paths", text).forbiddenPaths());
    assertEquals(List.of(), failed(Status.Code.FAILED_PRECONDITION, VALIDATOR,
        "field_mask_paths", text).forbiddenPaths());
    assertEquals(List.of(), new TtsCallException("getting device d", "Network Server",
        "localhost:1884", "NsEndDeviceRegistry/Get",
        Status.INVALID_ARGUMENT.withDescription(text).asRuntimeException(), "").forbiddenPaths());
  }
}
