package org.ttnlw.migrate.sim;

import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import org.ttnlw.migrate.tts.TtsServer;

/** The calls a simulator received, in the order they arrived. */
final class CallJournal {
  private final List<CallInfo> calls = new ArrayList<>();
  private final List<GatewayCall> gatewayCalls = new ArrayList<>();
  private long lastSequence;

  synchronized CallInfo record(
      TtsServer server, String method, String applicationId, String deviceId, List<String> paths) {
    CallInfo call = new CallInfo(++lastSequence, server, method, applicationId, deviceId, paths);
    calls.add(call);
    return call;
  }

  synchronized GatewayCall recordGateway(String method, Message request) {
    GatewayCall call = new GatewayCall(++lastSequence, method, request);
    gatewayCalls.add(call);
    return call;
  }

  synchronized List<GatewayCall> gatewayCalls() {
    return List.copyOf(gatewayCalls);
  }

  synchronized List<CallInfo> calls() {
    return List.copyOf(calls);
  }

  /** Forgets the calls so far; sequence numbers keep counting. */
  synchronized void clear() {
    calls.clear();
    gatewayCalls.clear();
  }
}
