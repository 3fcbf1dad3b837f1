package org.ttnlw.migrate.sim;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * What every simulated call goes through, whatever its registry and method: it is recorded, counted
 * for the rate-limit headers, offered to the fault hook, authenticated, its payload formatters'
 * lengths checked ({@link FormatterLimit}), handled, and answered once
 * the configured latency has passed. Calls wait for their answer on a scheduler, not on a gRPC
 * thread, so concurrent calls each see about the configured latency.
 */
final class CallPipeline {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "bearer ";

  private final byte[] apiKey;
  private volatile Duration latency;
  private final ScheduledExecutorService scheduler;
  private final CallJournal journal;
  private final RateLimitWindow rateLimit;
  private final ShuffledMaps shuffledMaps;
  private volatile Function<CallInfo, Optional<Fault>> faults = call -> Optional.empty();
  private volatile Function<GatewayCall, Optional<Fault>> gatewayFaults =
      call -> Optional.empty();

  CallPipeline(
      String apiKey,
      Duration latency,
      ScheduledExecutorService scheduler,
      CallJournal journal,
      RateLimitWindow rateLimit,
      ShuffledMaps shuffledMaps) {
    this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
    this.shuffledMaps = shuffledMaps;
    this.latency = latency;
    this.scheduler = scheduler;
    this.journal = journal;
    this.rateLimit = rateLimit;
  }

  /** Handles a request: answers it, or throws the {@link StatusRuntimeException} to fail it. */
  @FunctionalInterface
  interface Handler<ReqT, RespT> {
    RespT handle(ReqT request, Metadata responseHeaders);
  }

  /** What the journal and the fault hook learn about a request. */
  record Target(String applicationId, String deviceId, List<String> fieldMaskPaths) {
    static Target of(EndDeviceIdentifiers ids, FieldMask fieldMask) {
      return new Target(
          ids.getApplicationIds().getApplicationId(), ids.getDeviceId(), fieldMask.getPathsList());
    }
  }

  void latency(Duration latency) {
    this.latency = latency;
  }

  void faults(Function<CallInfo, Optional<Fault>> faults) {
    this.faults = faults;
  }

  void gatewayFaults(Function<GatewayCall, Optional<Fault>> gatewayFaults) {
    this.gatewayFaults = gatewayFaults;
  }

  <ReqT, RespT> ServerMethodDefinition<ReqT, RespT> method(
      TtsServer server,
      MethodDescriptor<ReqT, RespT> method,
      Function<ReqT, Target> target,
      Handler<ReqT, RespT> handler) {
    return ServerMethodDefinition.create(
        method,
        ServerCalls.asyncUnaryCall(
            (request, observer) -> {
              Target called = target.apply(request);
              CallInfo call =
                  journal.record(
                      server,
                      method.getBareMethodName(),
                      called.applicationId(),
                      called.deviceId(),
                      called.fieldMaskPaths());
              answerLater(
                  serve(
                      () -> faults.apply(call),
                      metadata -> {
                        authenticate(metadata.requestHeaders());
                        FormatterLimit.check(request);
                        return handler.handle(request, metadata.responseHeaders());
                      }),
                  observer);
            }));
  }

  /**
   * A gateway-service method: recorded in the journal, offered to the gateway fault hook, and
   * authenticated by looking the bearer key up in {@code keys} instead of the simulator's key.
   */
  <ReqT extends Message, RespT> ServerMethodDefinition<ReqT, RespT> gatewayMethod(
      MethodDescriptor<ReqT, RespT> method,
      Function<String, Optional<GatewayCaller>> keys,
      GatewayHandler<ReqT, RespT> handler) {
    return ServerMethodDefinition.create(
        method,
        ServerCalls.asyncUnaryCall(
            (request, observer) -> {
              GatewayCall call = journal.recordGateway(GatewayCall.methodOf(method), request);
              answerLater(
                  serve(
                      () -> gatewayFaults.apply(call),
                      metadata ->
                          handler.handle(
                              request,
                              keys.apply(bearerKey(metadata.requestHeaders()))
                                  .orElseThrow(
                                      () -> TtsError.INVALID_AUTHORIZATION.toException(Map.of())),
                              metadata.responseHeaders())),
                  observer);
            }));
  }

  /** Handles a gateway-service request for an authenticated caller. */
  @FunctionalInterface
  interface GatewayHandler<ReqT, RespT> {
    RespT handle(ReqT request, GatewayCaller caller, Metadata responseHeaders);
  }

  /** Decides the call's outcome now; the returned answer sends it. */
  private <RespT> Consumer<StreamObserver<RespT>> serve(
      Supplier<Optional<Fault>> faultHook, Function<CallMetadata, RespT> handling) {
    CallMetadata metadata = CallMetadata.current();
    Metadata responseHeaders = metadata.responseHeaders();
    replace(responseHeaders, rateLimit.take());
    try {
      Optional<Fault> fault = faultHook.get();
      if (fault.isPresent()) {
        replace(responseHeaders, fault.get().headers());
        throw fault.get().status().asRuntimeException();
      }
      RespT response = shuffledMaps.shuffled(handling.apply(metadata));
      return observer -> {
        observer.onNext(response);
        observer.onCompleted();
      };
    } catch (StatusRuntimeException e) {
      return observer -> observer.onError(e);
    }
  }

  private void authenticate(Metadata requestHeaders) {
    boolean valid =
        MessageDigest.isEqual(bearerKey(requestHeaders).getBytes(StandardCharsets.UTF_8), apiKey);
    if (!valid) {
      throw TtsError.INVALID_AUTHORIZATION.toException(Map.of());
    }
  }

  private static String bearerKey(Metadata requestHeaders) {
    String authorization = requestHeaders.get(AUTHORIZATION);
    if (authorization == null) {
      throw TtsError.UNAUTHENTICATED.toException(Map.of());
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw TtsError.INVALID_AUTHORIZATION.toException(Map.of());
    }
    return authorization.substring(BEARER.length());
  }

  private <RespT> void answerLater(
      Consumer<StreamObserver<RespT>> answer, StreamObserver<RespT> observer) {
    Duration delay = latency;
    if (delay.isZero()) {
      answer.accept(observer);
    } else {
      scheduler.schedule(() -> answer.accept(observer), delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private static void replace(Metadata headers, Map<String, String> values) {
    values.forEach(
        (name, value) -> {
          Metadata.Key<String> key = Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
          headers.discardAll(key);
          headers.put(key, value);
        });
  }
}
