package org.ttnlw.migrate.sim;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import java.util.Optional;

/**
 * One call to the simulator's gateway services (registry, API keys, Gateway Server, claiming), as
 * recorded and as shown to the gateway fault hook.
 *
 * @param sequence counts up across all calls of the simulator, device calls included
 * @param method the service and method, such as {@code GatewayRegistry/Update}
 * @param request the request as it arrived
 */
public record GatewayCall(long sequence, String method, Message request) {

  static String methodOf(MethodDescriptor<?, ?> descriptor) {
    return descriptor.getServiceName().substring(descriptor.getServiceName().lastIndexOf('.') + 1)
        + "/" + descriptor.getBareMethodName();
  }

  /** Whether this is a call of that method. */
  public boolean is(MethodDescriptor<?, ?> descriptor) {
    return method.equals(methodOf(descriptor));
  }

  /** The request, if this is a call of that method. */
  @SuppressWarnings("unchecked") // the method fixes the request type
  public <ReqT extends Message> Optional<ReqT> request(MethodDescriptor<ReqT, ?> descriptor) {
    return is(descriptor) ? Optional.of((ReqT) request) : Optional.empty();
  }
}
