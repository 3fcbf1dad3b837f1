package org.ttnlw.migrate.calls;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
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

/**
 * Unary gRPC calls to a source's servers: authenticated, each attempt with its own deadline,
 * started when the shared {@link CallLimiter} allows, and tried again as the {@link RetryPolicy}
 * says. Waiting, for a start or for a retry, holds no thread. Methods whose name starts with
 * {@code Get} or {@code List} are reads; every other method is a write.
 */
public final class RetryingCalls implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RetryingCalls.class);
  private static final ScheduledExecutorService RETRY_TIMER =
      Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ttn-lw-migrate-retry");
        thread.setDaemon(true);
        return thread;
      });

  private final CallCredentials credentials;
  private final Duration timeout;
  private final RetryPolicy retryPolicy;
  private final CallLimiter limiter;
  private final Dialect dialect;
  private final AtomicBoolean rateLimitReported = new AtomicBoolean();
  private volatile boolean closed;

  /** An answer together with the response headers the server sent with it. */
  public record Answer<T>(T message, Metadata headers) {}

  /** Where a call goes, and how messages name that server. */
  public record Target(ManagedChannel channel, String name, String address) {}

  /** What differs from one kind of server to another. */
  public interface Dialect {
    /** The exception a call fails with in the end; its message starts with {@code what}. */
    RuntimeException failure(Target target, String rpc, String what, Throwable failure,
        String remark);

    /** The failure in one line, for the log of a retry. */
    String describe(Throwable failure);

    /** The pause the server asked for in a refusal's headers or trailers; zero for none. */
    Duration retryAfter(Metadata headers, Metadata trailers);
  }

  public RetryingCalls(CallCredentials credentials, Duration timeout, RetryPolicy retryPolicy,
      CallLimiter limiter, Dialect dialect) {
    this.credentials = credentials;
    this.timeout = timeout;
    this.retryPolicy = retryPolicy;
    this.limiter = limiter;
    this.dialect = dialect;
  }

  /** One call as the caller asked for it, whatever the number of attempts. */
  private record Call<Q, R>(Target target, MethodDescriptor<Q, R> method, Q request,
      String what, boolean read, boolean once, CompletableFuture<Answer<R>> result) {}

  /**
   * Calls {@code method} on {@code target}. A failure completes the future with the dialect's
   * exception, whose message starts with {@code what}.
   */
  public <Q, R> CompletableFuture<Answer<R>> call(
      Target target, MethodDescriptor<Q, R> method, Q request, String what) {
    return start(new Call<>(target, method, request, what, isRead(method), false,
        new CompletableFuture<>()));
  }

  /**
   * Calls {@code method} on {@code target} once, never again: a pre-flight, whose failure (an
   * address nobody answers, a TLS mismatch, a wrong key) would fail every later call too.
   */
  public <Q, R> CompletableFuture<Answer<R>> callOnce(
      Target target, MethodDescriptor<Q, R> method, Q request, String what) {
    return start(new Call<>(target, method, request, what, isRead(method), true,
        new CompletableFuture<>()));
  }

  private <Q, R> CompletableFuture<Answer<R>> start(Call<Q, R> call) {
    attempt(call, 1);
    return call.result();
  }

  private static boolean isRead(MethodDescriptor<?, ?> method) {
    String name = method.getBareMethodName();
    return name != null && (name.startsWith("Get") || name.startsWith("List"));
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
    Channel channel = ClientInterceptors.intercept(call.target().channel(),
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
      log.warn("rate limited by the {}; slowing down", call.target().name());
    }
    if (closed || call.once() || !retryPolicy.shouldRetry(attempt, status, call.read())) {
      call.result().completeExceptionally(dialect.failure(call.target(),
          call.method().getBareMethodName(), call.what(), failure,
          RetryPolicy.remark(attempt, status, call.read())));
      return;
    }
    Duration pause = retryPolicy.pause(attempt,
        dialect.retryAfter(headers, Status.trailersFromThrowable(failure)));
    log.debug("{}: {} failed ({}); attempt {} of {} in {} ms", call.what(), rpc(call),
        dialect.describe(failure), attempt + 1, retryPolicy.retries() + 1, pause.toMillis());
    RETRY_TIMER.schedule(() -> {
      // gRPC fails calls at once while it waits to reconnect on its own schedule; the pause
      // just taken is the backoff this retry needs, so connect now.
      call.target().channel().resetConnectBackoff();
      attempt(call, attempt + 1);
    }, pause.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static String rpc(Call<?, ?> call) {
    return call.target().name() + " " + call.method().getBareMethodName();
  }

  /** From now on, failed calls are not retried but fail with their last error. */
  @Override
  public void close() {
    closed = true;
  }
}
