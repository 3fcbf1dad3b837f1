package org.ttnlw.migrate.source.chirpstack;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.calls.ApiKeyCredentials;
import org.ttnlw.migrate.calls.Backoff;
import org.ttnlw.migrate.calls.CallLimiter;
import org.ttnlw.migrate.calls.GrpcChannels;
import org.ttnlw.migrate.calls.Retrier;
import org.ttnlw.migrate.calls.RetryingCalls;
import org.ttnlw.migrate.core.CallSettings;

/** Unary calls to ChirpStack's API, through the shared {@link RetryingCalls}. */
final class ChirpStackCalls implements AutoCloseable {
  /** The limiter starts at this many calls per device in flight: keys and activation together. */
  private static final int CALLS_PER_DEVICE = 2;

  private final GrpcChannels channels;
  private final ManagedChannel channel;
  private final String address;
  private final RetryingCalls calls;

  ChirpStackCalls(ChirpStackConfig config, CallSettings context) {
    this.channels = new GrpcChannels(config.trust());
    this.channel = channels.open(config.address());
    this.address = config.address();
    this.calls = new RetryingCalls(
        new ApiKeyCredentials(config.apiKey(), config.trust().plaintext()), context.callTimeout(),
        new Retrier(context.retries(), Backoff.DEFAULT),
        new CallLimiter(CALLS_PER_DEVICE * context.concurrency()), new Dialect());
  }

  /**
   * Calls {@code method}. A failure completes the future with a {@link ChirpStackCallException}
   * whose message starts with {@code what}.
   */
  <Q, R> CompletableFuture<R> call(MethodDescriptor<Q, R> method, Q request, String what) {
    String service = "ChirpStack " + method.getServiceName().replaceFirst("^api\\.", "");
    return calls.call(new RetryingCalls.Target(channel, service, address), method, request, what)
        .thenApply(RetryingCalls.Answer::message);
  }

  /** Calls {@code method} once, not retried: for a pre-flight. */
  <Q, R> CompletableFuture<R> callOnce(MethodDescriptor<Q, R> method, Q request, String what) {
    String service = "ChirpStack " + method.getServiceName().replaceFirst("^api\\.", "");
    return calls.callOnce(new RetryingCalls.Target(channel, service, address), method, request,
            what)
        .thenApply(RetryingCalls.Answer::message);
  }

  private static final class Dialect implements RetryingCalls.Dialect {
    @Override
    public RuntimeException failure(RetryingCalls.Target target, String rpc, String what,
        Throwable failure, String remark) {
      return new ChirpStackCallException(what, target.name(), target.address(), rpc, failure,
          remark);
    }

    @Override
    public String describe(Throwable failure) {
      return ChirpStackCallException.describe(failure);
    }

    @Override
    public Duration retryAfter(Metadata headers, Metadata trailers) {
      return Duration.ZERO;
    }
  }

  @Override
  public void close() {
    calls.close();
    channels.close();
  }
}
