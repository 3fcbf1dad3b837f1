package org.ttnlw.migrate.tts;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.proto.EndDevice;

/**
 * Which server's answer each field of a merged device comes from. Every field comes from
 * exactly one answer, as TTS's own clients do it by asking each server only for what it
 * owns; nothing is ever the concatenation of two answers (two copies of the downlink queue
 * would send each downlink twice).
 *
 * <p>A path that one server returns comes from that server. A path that several servers
 * return (ids, version_ids, session, pending_session, ...) comes whole from the first of
 * IS, NS, AS, JS that holds a value there; inside it, each deeper path that a different set
 * of servers returns (the AS's {@code session.keys.app_s_key} inside the NS's
 * {@code session}) is then taken the same way from its own servers, and cleared when none
 * of them holds it. Steps run from the outermost path inwards.
 */
final class MergePlan {
  private static final List<TtsServer> PRIORITY = List.of(TtsServer.IDENTITY_SERVER,
      TtsServer.NETWORK_SERVER, TtsServer.APPLICATION_SERVER, TtsServer.JOIN_SERVER);

  /** One path and the servers it may come from, first choice first. */
  record Step(String path, List<FieldDescriptor> fields, List<TtsServer> servers) {}

  private final List<Step> steps;

  private MergePlan(List<Step> steps) {
    this.steps = steps;
  }

  /** The plan for answers to Gets with the {@code asked} masks, whose paths {@code table} lists. */
  static MergePlan of(FieldMaskTable table, Map<TtsServer, FieldMask> asked) {
    Map<String, List<TtsServer>> returnedBy = new LinkedHashMap<>();
    for (TtsServer server : PRIORITY) {
      FieldMask mask = asked.get(server);
      if (mask == null) {
        continue;
      }
      for (String path : table.allowed(server.getMethod().getFullMethodName())) {
        if (isAsked(path, mask)) {
          returnedBy.computeIfAbsent(path, p -> new ArrayList<>()).add(server);
        }
      }
    }
    List<Step> steps = new ArrayList<>();
    returnedBy.forEach((path, servers) -> {
      List<TtsServer> outer = returnedBy.get(nearestReturnedAncestor(path, returnedBy));
      if (outer == null || !outer.equals(servers) || servers.size() > 1) {
        for (List<FieldDescriptor> fields : MessagePaths.resolve(EndDevice.getDescriptor(), path)) {
          steps.add(new Step(path, fields, List.copyOf(servers)));
        }
      }
    });
    steps.sort(Comparator.comparingInt(step -> step.fields().size()));
    return new MergePlan(List.copyOf(steps));
  }

  private static boolean isAsked(String path, FieldMask mask) {
    for (String asked : mask.getPathsList()) {
      if (path.equals(asked) || path.startsWith(asked + ".")) {
        return true;
      }
    }
    return false;
  }

  private static String nearestReturnedAncestor(String path,
      Map<String, List<TtsServer>> returnedBy) {
    for (int dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
      String ancestor = path.substring(0, dot);
      if (returnedBy.containsKey(ancestor)) {
        return ancestor;
      }
    }
    return null;
  }

  List<Step> steps() {
    return steps;
  }

  /** The device made of the servers' answers by the plan. */
  EndDevice apply(Map<TtsServer, EndDevice> answers) {
    EndDevice.Builder merged = EndDevice.newBuilder();
    for (Step step : steps) {
      EndDevice from = null;
      for (TtsServer server : step.servers()) {
        EndDevice answer = answers.get(server);
        if (answer != null && MessagePaths.holds(answer, step.fields())) {
          from = answer;
          break;
        }
      }
      if (from != null) {
        MessagePaths.copy(from, merged, step.fields());
      } else {
        MessagePaths.clear(merged, step.fields());
      }
    }
    return merged.build();
  }
}
