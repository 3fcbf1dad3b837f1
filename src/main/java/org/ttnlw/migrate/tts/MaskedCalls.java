package org.ttnlw.migrate.tts;

import com.google.protobuf.FieldMask;
import io.grpc.MethodDescriptor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.calls.RetryingCalls;
import org.ttnlw.migrate.core.Futures;

/**
 * Calls that carry a field mask, to a deployment that may be older than the one the settings came
 * from. When the server refuses paths it does not know (InvalidArgument with the validator's
 * {@code forbidden_paths}), exactly those paths are dropped for that server's RPC from then on, a
 * warning names them once, and the call is sent again without them.
 */
public final class MaskedCalls {
  private static final Logger log = LoggerFactory.getLogger(MaskedCalls.class);

  private final RegistryCalls calls;
  private final String deployment;
  private final Map<String, Set<String>> dropped = new ConcurrentHashMap<>();

  /** @param deployment "source" or "target", for the warning */
  public MaskedCalls(RegistryCalls calls, String deployment) {
    this.calls = calls;
    this.deployment = deployment;
  }

  /** Calls {@code method} with a mask of {@code paths}, less those the server refused before. */
  public <Q, R> RetryingCalls.Answer<R> call(TtsServer server, MethodDescriptor<Q, R> method,
      Collection<String> paths, Function<FieldMask, Q> request, String what) {
    while (true) {
      FieldMask mask = FieldMask.newBuilder().addAllPaths(kept(method, paths)).build();
      try {
        return Futures.await(calls.call(server, method, request.apply(mask), what));
      } catch (TtsCallException e) {
        if (!learn(method, e)) {
          throw e;
        }
      }
    }
  }

  /** The paths of {@code paths} that the server of {@code method} has not refused. */
  public List<String> kept(MethodDescriptor<?, ?> method, Collection<String> paths) {
    Set<String> refused = refused(method);
    return paths.stream().filter(path -> !refused.contains(path)).toList();
  }

  public Set<String> refused(MethodDescriptor<?, ?> method) {
    return dropped.getOrDefault(method.getFullMethodName(), Set.of());
  }

  private boolean learn(MethodDescriptor<?, ?> method, TtsCallException e) {
    List<String> forbidden = e.forbiddenPaths();
    if (forbidden.isEmpty()) {
      return false;
    }
    Set<String> known = dropped.computeIfAbsent(method.getFullMethodName(),
        rpc -> ConcurrentHashMap.newKeySet());
    List<String> fresh = forbidden.stream().filter(known::add).toList();
    if (fresh.isEmpty()) {
      return false;
    }
    log.warn("the {} refuses field-mask path(s) {} in {}, probably as an older release: they are"
        + " left out of every {} call from now on, and those settings do not move",
        deployment, fresh, method.getFullMethodName(), method.getBareMethodName());
    return true;
  }
}
