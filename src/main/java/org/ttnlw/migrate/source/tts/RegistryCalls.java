package org.ttnlw.migrate.source.tts;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Unary calls to any of the four registries, authenticated and with a deadline. */
final class RegistryCalls {
  private static final Logger log = LoggerFactory.getLogger(RegistryCalls.class);
  private final TtsChannels channels;
  private final ApiKeyCredentials credentials;
  private final Duration timeout;

  RegistryCalls(TtsChannels channels, ApiKeyCredentials credentials, Duration timeout) {
    this.channels = channels;
    this.credentials = credentials;
    this.timeout = timeout;
  }

  /** An answer together with the response headers TTS sent with it. */
  record Answer<T>(T message, Metadata headers) {}

  /**
   * Calls {@code method} on {@code server}. A failure completes the future with a
   * {@link TtsCallException} whose message starts with {@code what}.
   */
  <Q, R> CompletableFuture<Answer<R>> call(
      TtsServer server, MethodDescriptor<Q, R> method, Q request, String what) {
    AtomicReference<Metadata> headers = new AtomicReference<>(new Metadata());
    Channel channel = ClientInterceptors.intercept(channels.channel(server),
        MetadataUtils.newCaptureMetadataInterceptor(headers, new AtomicReference<>()));
    CallOptions options = CallOptions.DEFAULT
        .withCallCredentials(credentials)
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    CompletableFuture<Answer<R>> result = new CompletableFuture<>();
    long start = System.nanoTime();
    ClientCalls.asyncUnaryCall(channel.newCall(method, options), request, new StreamObserver<>() {
      private R message;

      @Override
      public void onNext(R value) {
        message = value;
      }

      @Override
      public void onError(Throwable failure) {
        result.completeExceptionally(new TtsCallException(what, server, channels.address(server),
            method.getBareMethodName(), failure));
      }

      @Override
      public void onCompleted() {
        if (log.isDebugEnabled()) {
          log.debug("{}: {} {} ok in {} ms", what, server.shortName(), method.getBareMethodName(),
              (System.nanoTime() - start) / 1_000_000);
        }
        result.complete(new Answer<>(message, headers.get()));
      }
    });
    return result;
  }
}
