package org.ttnlw.migrate.tts;

import com.google.protobuf.Value;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.calls.FailureReach;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.ErrorDetails;

/**
 * A call to one TTS server failed; the message names what was asked, of which server, why, and
 * (in {@code remark}, if not empty) how often it was tried or why it was not tried again.
 */
public final class TtsCallException extends MigrationException {
  private static final String VALIDATOR = "pkg/rpcmiddleware/validator";
  private static final String FORBIDDEN_PATHS = "field_mask_paths";
  private final Status.Code code;
  private final ErrorDetails details;
  private final boolean failsEveryItem;

  TtsCallException(String what, String server, String address, String rpc, Throwable failure,
      String remark) {
    super(what + ": " + server + " " + rpc + " at " + address + " failed: "
        + TtsError.describe(failure) + (remark.isEmpty() ? "" : "; " + remark), failure);
    this.code = Status.fromThrowable(failure).getCode();
    this.details = TtsError.details(failure);
    this.failsEveryItem = FailureReach.failsEveryCall(failure);
  }

  @Override
  public boolean failsEveryItem() {
    return failsEveryItem;
  }

  /**
   * The call's answer, or {@code value} when TTS answered NotFound; other failures stay
   * failures, unwrapped.
   */
  public static <T> CompletableFuture<T> orIfNotFound(CompletableFuture<T> call, T value) {
    return call.exceptionally(failure -> {
      RuntimeException cause = Futures.unwrap(failure);
      if (cause instanceof TtsCallException tts && tts.isNotFound()) {
        return value;
      }
      throw cause;
    });
  }

  @Override
  public boolean isNotFound() {
    return code == Status.Code.NOT_FOUND;
  }

  public Status.Code code() {
    return code;
  }

  /** TTS's error name, such as {@code end_device_euis_taken}; empty when TTS sent none. */
  public String errorName() {
    return details == null ? "" : details.getName();
  }

  /** An attribute of TTS's error as text, such as the holder's {@code device_id}; empty if absent. */
  public String attribute(String name) {
    if (details == null || !details.getAttributes().containsFields(name)) {
      return "";
    }
    return TtsError.text(details.getAttributes().getFieldsOrThrow(name));
  }

  /**
   * The field-mask paths the server's validator refused ({@code InvalidArgument}, error
   * {@code pkg/rpcmiddleware/validator:field_mask_paths}, attribute {@code forbidden_paths});
   * empty for any other failure. Decided on the error's code, namespace and name, never on its
   * text, which TTS 3.36 HTML-escapes.
   */
  public List<String> forbiddenPaths() {
    return code == Status.Code.INVALID_ARGUMENT && details != null
        && details.getNamespace().equals(VALIDATOR) && details.getName().equals(FORBIDDEN_PATHS)
        ? attributeList("forbidden_paths") : List.of();
  }

  /** A list attribute of TTS's error as texts, such as {@code forbidden_paths}; empty if absent. */
  private List<String> attributeList(String name) {
    if (details == null || !details.getAttributes().containsFields(name)) {
      return List.of();
    }
    Value value = details.getAttributes().getFieldsOrThrow(name);
    return value.getListValue().getValuesList().stream().map(TtsError::text).toList();
  }
}
