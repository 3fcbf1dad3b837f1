package org.ttnlw.migrate.source.tts;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.calls.ApiKeyCredentials;
import org.ttnlw.migrate.calls.Backoff;
import org.ttnlw.migrate.calls.CallLimiter;
import org.ttnlw.migrate.calls.RetryPolicy;
import org.ttnlw.migrate.calls.RetryingCalls;
import org.ttnlw.migrate.source.SourceContext;

/** Unary calls to any of the four registries, through the shared {@link RetryingCalls}. */
final class RegistryCalls implements AutoCloseable {
  /** The limiter starts at this many calls per device in flight: one to each server. */
  private static final int CALLS_PER_DEVICE = 4;

  private final TtsChannels channels;
  private final RetryingCalls calls;

  RegistryCalls(TtsChannels channels, ApiKeyCredentials credentials, SourceContext context) {
    this.channels = channels;
    this.calls = new RetryingCalls(credentials, context.callTimeout(),
        new RetryPolicy(context.retries(), Backoff.DEFAULT),
        new CallLimiter(CALLS_PER_DEVICE * context.concurrency()), new TtsDialect());
  }

  /**
   * Calls {@code method} on {@code server}. A failure completes the future with a
   * {@link TtsCallException} whose message starts with {@code what}.
   */
  <Q, R> CompletableFuture<RetryingCalls.Answer<R>> call(
      TtsServer server, MethodDescriptor<Q, R> method, Q request, String what) {
    return calls.call(new RetryingCalls.Target(channels.channel(server), server.shortName(),
        channels.address(server)), method, request, what);
  }

  private static final class TtsDialect implements RetryingCalls.Dialect {
    @Override
    public RuntimeException failure(RetryingCalls.Target target, String rpc, String what,
        Throwable failure, String remark) {
      return new TtsCallException(what, target.name(), target.address(), rpc, failure, remark);
    }

    @Override
    public String describe(Throwable failure) {
      return TtsError.describe(failure);
    }

    @Override
    public Duration retryAfter(Metadata headers, Metadata trailers) {
      return RetryAfterHeader.in(headers, trailers);
    }
  }

  /** Closes the channels; calls still waiting to be retried fail with their last error. */
  @Override
  public void close() {
    calls.close();
    channels.close();
  }
}
