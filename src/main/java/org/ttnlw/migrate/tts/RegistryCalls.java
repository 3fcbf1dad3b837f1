package org.ttnlw.migrate.tts;

import com.google.protobuf.FieldMask;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.calls.Backoff;
import org.ttnlw.migrate.calls.CallLimiter;
import org.ttnlw.migrate.calls.RetryPolicy;
import org.ttnlw.migrate.source.SourceContext;

/**
 * Unary calls to any of the four registries: authenticated, each attempt with its own deadline,
 * started when the shared {@link CallLimiter} allows, and tried again as the {@link RetryPolicy}
 * says. Waiting, for a start or for a retry, holds no thread.
 */
public final class RegistryCalls implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RegistryCalls.class);
  /** The limiter starts at this many calls per device in flight: one to each server. */
  private static final int CALLS_PER_DEVICE = 4;
  private static final ScheduledExecutorService RETRY_TIMER =
      Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ttn-lw-migrate-retry");
        thread.setDaemon(true);
        return thread;
      });

  private final TtsChannels channels;
  private final ApiKeyCredentials credentials;
  private final Duration timeout;
  private final RetryPolicy retryPolicy;
  private final CallLimiter limiter;
  private final AtomicBoolean rateLimitReported = new AtomicBoolean();
  private volatile boolean closed;

  public RegistryCalls(TtsConnection connection, SourceContext context) {
    this.channels = new TtsChannels(connection.addresses(), connection.trust());
    this.credentials = new ApiKeyCredentials(connection.apiKey(), connection.trust().plaintext());
    this.timeout = context.callTimeout();
    this.retryPolicy = new RetryPolicy(context.retries(), Backoff.DEFAULT);
    this.limiter = new CallLimiter(CALLS_PER_DEVICE * context.concurrency());
  }

  /** An answer together with the response headers TTS sent with it. */
  public record Answer<T>(T message, Metadata headers) {}

  /** One call as the caller asked for it, whatever the number of attempts. */
  private record Call<Q, R>(TtsServer server, MethodDescriptor<Q, R> method, Q request,
      String what, boolean read, CompletableFuture<Answer<R>> result) {}

  /**
   * Calls {@code method} on {@code server}. A failure completes the future with a
   * {@link TtsCallException} whose message starts with {@code what}.
   */
  public <Q, R> CompletableFuture<Answer<R>> call(
      TtsServer server, MethodDescriptor<Q, R> method, Q request, String what) {
    Call<Q, R> call = new Call<>(server, method, request, what, isRead(method),
        new CompletableFuture<>());
    attempt(call, 1);
    return call.result();
  }

  /** Writes the masked fields of {@code device} with the server's Set (Update on the IS). */
  public CompletableFuture<EndDevice> write(TtsServer server, EndDevice device, FieldMask mask,
      String what) {
    return write(server, server.write(), device, mask, what);
  }

  private <Q> CompletableFuture<EndDevice> write(TtsServer server, TtsServer.Write<Q> write,
      EndDevice device, FieldMask mask, String what) {
    return call(server, write.method(), write.request().apply(device, mask), what)
        .thenApply(Answer::message);
  }

  private static boolean isRead(MethodDescriptor<?, ?> method) {
    return switch (method.getBareMethodName()) {
      case "Get", "List" -> true;
      default -> false;
    };
  }

  private <Q, R> void attempt(Call<Q, R> call, int attempt) {
    limiter.acquire()
        .thenAccept(permit -> send(call, attempt, permit))
        .exceptionally(failure -> {
          call.result().completeExceptionally(failure);
          return null;
        });
  }

  private <Q, R> void send(Call<Q, R> call, int attempt, CallLimiter.Permit permit) {
    AtomicReference<Metadata> headers = new AtomicReference<>(new Metadata());
    Channel channel = ClientInterceptors.intercept(channels.channel(call.server()),
        MetadataUtils.newCaptureMetadataInterceptor(headers, new AtomicReference<>()));
    CallOptions options = CallOptions.DEFAULT
        .withCallCredentials(credentials)
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    long start = System.nanoTime();
    ClientCalls.asyncUnaryCall(channel.newCall(call.method(), options), call.request(),
        new StreamObserver<>() {
          private R message;

          @Override
          public void onNext(R value) {
            message = value;
          }

          @Override
          public void onError(Throwable failure) {
            boolean rateLimited =
                Status.fromThrowable(failure).getCode() == Status.Code.RESOURCE_EXHAUSTED;
            permit.release(rateLimited
                ? CallLimiter.Outcome.RATE_LIMITED : CallLimiter.Outcome.FAILED);
            failed(call, attempt, failure, headers.get());
          }

          @Override
          public void onCompleted() {
            permit.release(CallLimiter.Outcome.SUCCEEDED);
            if (log.isDebugEnabled()) {
              log.debug("{}: {} ok in {} ms", call.what(), rpc(call),
                  (System.nanoTime() - start) / 1_000_000);
            }
            call.result().complete(new Answer<>(message, headers.get()));
          }
        });
  }

  private void failed(Call<?, ?> call, int attempt, Throwable failure, Metadata headers) {
    Status status = Status.fromThrowable(failure);
    if (status.getCode() == Status.Code.RESOURCE_EXHAUSTED
        && rateLimitReported.compareAndSet(false, true)) {
      log.warn("rate limited by the {}; slowing down", call.server().shortName());
    }
    if (closed || !retryPolicy.shouldRetry(attempt, status, call.read())) {
      call.result().completeExceptionally(new TtsCallException(call.what(), call.server(),
          channels.address(call.server()), call.method().getBareMethodName(), failure,
          RetryPolicy.remark(attempt, status, call.read())));
      return;
    }
    Duration pause = retryPolicy.pause(attempt,
        RetryAfterHeader.in(headers, Status.trailersFromThrowable(failure)));
    log.debug("{}: {} failed ({}); attempt {} of {} in {} ms", call.what(), rpc(call),
        TtsError.describe(failure), attempt + 1, retryPolicy.retries() + 1, pause.toMillis());
    RETRY_TIMER.schedule(() -> {
      // gRPC fails calls at once while it waits to reconnect on its own schedule; the pause
      // just taken is the backoff this retry needs, so connect now.
      channels.channel(call.server()).resetConnectBackoff();
      attempt(call, attempt + 1);
    }, pause.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static String rpc(Call<?, ?> call) {
    return call.server().shortName() + " " + call.method().getBareMethodName();
  }

  /** Closes the channels; calls still waiting to be retried fail with their last error. */
  @Override
  public void close() {
    closed = true;
    channels.close();
  }
}
