package org.ttnlw.migrate.source.tts;

import io.grpc.Status;
import org.ttnlw.migrate.source.SourceException;

/**
 * A call to one TTS server failed; the message names what was asked, of which server, why, and
 * (in {@code remark}, if not empty) how often it was tried or why it was not tried again.
 */
final class TtsCallException extends SourceException {
  private final Status.Code code;

  TtsCallException(String what, String server, String address, String rpc, Throwable failure,
      String remark) {
    super(what + ": " + server + " " + rpc + " at " + address + " failed: "
        + TtsError.describe(failure) + (remark.isEmpty() ? "" : "; " + remark), failure);
    this.code = Status.fromThrowable(failure).getCode();
  }

  boolean isNotFound() {
    return code == Status.Code.NOT_FOUND;
  }
}
