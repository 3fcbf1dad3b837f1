package org.ttnlw.migrate.source.tts;

import io.grpc.Status;
import org.ttnlw.migrate.source.SourceException;

/** A call to one TTS server failed; the message names what was asked, of which server, and why. */
final class TtsCallException extends SourceException {
  private final Status.Code code;

  TtsCallException(String what, TtsServer server, String address, String rpc, Throwable failure) {
    super(what + ": " + server.shortName() + " " + rpc + " at " + address + " failed: "
        + TtsError.describe(failure), failure);
    this.code = Status.fromThrowable(failure).getCode();
  }

  Status.Code code() {
    return code;
  }

  boolean isNotFound() {
    return code == Status.Code.NOT_FOUND;
  }
}
