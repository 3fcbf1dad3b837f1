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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unary gRPC calls to a source's servers: authenticated, each attempt with its own deadline,
 * started when the shared {@link CallLimiter} allows, and tried again by the {@link Retrier} as
 * the {@link GrpcRetryClassifier} says. Waiting, for a start or for a retry, holds no thread.
 * Methods whose name starts with {@code Get} or {@code List} are reads; every other method is a
 * write.
 */
public final class RetryingCalls implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RetryingCalls.class);

  private final CallCredentials credentials;
  private final Duration timeout;
  private final Retrier retrier;
  private final CallLimiter limiter;
  private final Dialect dialect;
  private final AtomicBoolean rateLimitReported = new AtomicBoolean();

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

  public RetryingCalls(CallCredentials credentials, Duration timeout, Retrier retrier,
      CallLimiter limiter, Dialect dialect) {
    this.credentials = credentials;
    this.timeout = timeout;
    this.retrier = retrier;
    this.limiter = limiter;
    this.dialect = dialect;
  }

  /**
   * Calls {@code method} on {@code target}. A failure completes the future with the dialect's
   * exception, whose message starts with {@code what}.
   */
  public <Q, R> CompletableFuture<Answer<R>> call(
      Target target, MethodDescriptor<Q, R> method, Q request, String what) {
    return retrier.call(new UnaryCall<>(target, method, request, what));
  }

  /**
   * Calls {@code method} on {@code target} once, never again: a pre-flight, whose failure (an
   * address nobody answers, a TLS mismatch, a wrong key) would fail every later call too.
   */
  public <Q, R> CompletableFuture<Answer<R>> callOnce(
      Target target, MethodDescriptor<Q, R> method, Q request, String what) {
    return retrier.callOnce(new UnaryCall<>(target, method, request, what));
  }

  private static boolean isRead(MethodDescriptor<?, ?> method) {
    String name = method.getBareMethodName();
    return name != null && (name.startsWith("Get") || name.startsWith("List"));
  }

  /** One call as the caller asked for it, whatever the number of attempts. */
  private final class UnaryCall<Q, R> implements Retrier.Attempts<Answer<R>> {
    private final Target target;
    private final MethodDescriptor<Q, R> method;
    private final Q request;
    private final String what;
    private final boolean read;
    /** The response headers of the latest attempt: a refusal's may say how long to wait. */
    private volatile Metadata headers = new Metadata();

    UnaryCall(Target target, MethodDescriptor<Q, R> method, Q request, String what) {
      this.target = target;
      this.method = method;
      this.request = request;
      this.what = what;
      this.read = isRead(method);
    }

    @Override
    public CompletableFuture<Answer<R>> attempt(int number) {
      if (number > 1) {
        // gRPC fails calls at once while it waits to reconnect on its own schedule; the pause
        // just taken is the backoff this retry needs, so connect now.
        target.channel().resetConnectBackoff();
      }
      CompletableFuture<Answer<R>> answer = new CompletableFuture<>();
      limiter.acquire()
          .thenAccept(permit -> send(permit, answer))
          .exceptionally(failure -> {
            answer.completeExceptionally(failure);
            return null;
          });
      return answer;
    }

    private void send(CallLimiter.Permit permit, CompletableFuture<Answer<R>> answer) {
      AtomicReference<Metadata> received = new AtomicReference<>(new Metadata());
      Channel channel = ClientInterceptors.intercept(target.channel(),
          MetadataUtils.newCaptureMetadataInterceptor(received, new AtomicReference<>()));
      CallOptions options = CallOptions.DEFAULT
          .withCallCredentials(credentials)
          .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
      long start = System.nanoTime();
      ClientCalls.asyncUnaryCall(channel.newCall(method, options), request,
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
              if (rateLimited && rateLimitReported.compareAndSet(false, true)) {
                log.warn("rate limited by the {}; slowing down", target.name());
              }
              headers = received.get();
              answer.completeExceptionally(failure);
            }

            @Override
            public void onCompleted() {
              permit.release(CallLimiter.Outcome.SUCCEEDED);
              if (log.isDebugEnabled()) {
                log.debug("{}: {} ok in {} ms", what, rpc(),
                    (System.nanoTime() - start) / 1_000_000);
              }
              answer.complete(new Answer<>(message, received.get()));
            }
          });
    }

    @Override
    public Retrier.Decision shouldRetry(Throwable failure) {
      return GrpcRetryClassifier.shouldRetry(GrpcRetryClassifier.judged(failure), read,
          dialect.retryAfter(headers, Status.trailersFromThrowable(failure)));
    }

    @Override
    public String describe(Throwable failure) {
      return what + ": " + rpc() + " failed (" + dialect.describe(failure) + ")";
    }

    @Override
    public Throwable giveUp(Throwable failure, int attempts) {
      return dialect.failure(target, method.getBareMethodName(), what, failure,
          GrpcRetryClassifier.remark(attempts, Status.fromThrowable(failure), read));
    }

    private String rpc() {
      return target.name() + " " + method.getBareMethodName();
    }
  }

  /** From now on, failed calls are not retried but fail with their last error. */
  @Override
  public void close() {
    retrier.close();
  }
}
