package org.ttnlw.migrate.tts;

import com.google.protobuf.FieldMask;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.calls.ApiKeyCredentials;
import org.ttnlw.migrate.calls.Backoff;
import org.ttnlw.migrate.calls.CallLimiter;
import org.ttnlw.migrate.calls.Retrier;
import org.ttnlw.migrate.calls.RetryingCalls;
import org.ttnlw.migrate.calls.TlsTrouble;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.proto.EndDevice;

/** Unary calls to any of the four registries, through the shared {@link RetryingCalls}. */
public final class RegistryCalls implements AutoCloseable {
  /** The limiter starts at this many calls per device in flight: one to each server. */
  private static final int CALLS_PER_DEVICE = 4;

  private final TtsChannels channels;
  private final RetryingCalls calls;

  public RegistryCalls(TtsConnection connection, CallSettings context) {
    this.channels = new TtsChannels(connection.addresses(), connection.trust());
    this.calls = new RetryingCalls(
        new ApiKeyCredentials(connection.apiKey(), connection.trust().plaintext()),
        context.callTimeout(), new Retrier(context.retries(), Backoff.DEFAULT),
        new CallLimiter(CALLS_PER_DEVICE * context.concurrency()),
        new TtsDialect(connection.trust().plaintext(), connection.flagPrefix()));
  }

  /**
   * Calls {@code method} on {@code server}. A failure completes the future with a
   * {@link TtsCallException} whose message starts with {@code what}.
   */
  public <Q, R> CompletableFuture<RetryingCalls.Answer<R>> call(
      TtsServer server, MethodDescriptor<Q, R> method, Q request, String what) {
    return calls.call(new RetryingCalls.Target(channels.channel(server), server.shortName(),
        channels.address(server)), method, request, what);
  }

  /** Calls {@code method} on {@code server} once, not retried: for a pre-flight. */
  public <Q, R> CompletableFuture<RetryingCalls.Answer<R>> callOnce(
      TtsServer server, MethodDescriptor<Q, R> method, Q request, String what) {
    return calls.callOnce(new RetryingCalls.Target(channels.channel(server), server.shortName(),
        channels.address(server)), method, request, what);
  }

  /** Writes the masked fields of {@code device} with the server's Set (Update on the IS). */
  public CompletableFuture<EndDevice> write(TtsServer server, EndDevice device, FieldMask mask,
      String what) {
    return write(server, server.write(), device, mask, what);
  }

  private <Q> CompletableFuture<EndDevice> write(TtsServer server, TtsServer.Write<Q> write,
      EndDevice device, FieldMask mask, String what) {
    return call(server, write.method(), write.request().apply(device, mask), what)
        .thenApply(RetryingCalls.Answer::message);
  }

  /**
   * @param plaintext whether the calls go without TLS (--insecure)
   * @param flagPrefix how the deployment's flags are offered, for the TLS advice
   */
  private record TtsDialect(boolean plaintext, String flagPrefix)
      implements RetryingCalls.Dialect {
    @Override
    public RuntimeException failure(RetryingCalls.Target target, String rpc, String what,
        Throwable failure, String remark) {
      String advice = TlsTrouble.advice(failure, plaintext, flagPrefix);
      String remarks = advice.isEmpty() ? remark : remark.isEmpty() ? advice
          : remark + "; " + advice;
      return new TtsCallException(what, target.name(), target.address(), rpc, failure, remarks);
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
