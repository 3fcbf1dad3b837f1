package org.ttnlw.migrate.sim;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * A call's request headers and the response headers its handler adds. The unary handlers of {@code
 * ServerCalls} expose neither, so an interceptor puts them in the call's {@link Context}.
 */
public record CallMetadata(Metadata requestHeaders, Metadata responseHeaders) {
  private static final Context.Key<CallMetadata> KEY = Context.key("tts-simulator-call-metadata");

  /** The metadata of the call whose handler is running on this thread. */
  public static CallMetadata current() {
    return KEY.get();
  }

  /** Makes {@link #current()} available to handlers and sends their response headers. */
  public static ServerInterceptor interceptor() {
    return new ServerInterceptor() {
      @Override
      public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
          ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        CallMetadata metadata = new CallMetadata(headers, new Metadata());
        return Contexts.interceptCall(
            Context.current().withValue(KEY, metadata),
            new HeaderSendingCall<>(call, metadata.responseHeaders()),
            headers,
            next);
      }
    };
  }

  /**
   * Sends the handler's response headers, also ahead of an error: TTS sets its rate-limit headers
   * before it knows the outcome, and gRPC then sends them in their own frame.
   */
  private static final class HeaderSendingCall<ReqT, RespT>
      extends SimpleForwardingServerCall<ReqT, RespT> {
    private final Metadata responseHeaders;
    private volatile boolean headersSent;

    HeaderSendingCall(ServerCall<ReqT, RespT> call, Metadata responseHeaders) {
      super(call);
      this.responseHeaders = responseHeaders;
    }

    @Override
    public void sendHeaders(Metadata headers) {
      headers.merge(responseHeaders);
      headersSent = true;
      super.sendHeaders(headers);
    }

    @Override
    public void close(Status status, Metadata trailers) {
      if (!headersSent) {
        sendHeaders(new Metadata());
      }
      super.close(status, trailers);
    }
  }
}
