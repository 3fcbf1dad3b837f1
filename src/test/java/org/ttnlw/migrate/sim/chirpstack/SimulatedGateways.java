package org.ttnlw.migrate.sim.chirpstack;

import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ttnlw.migrate.chirpstack.proto.CreateGatewayRequest;
import org.ttnlw.migrate.chirpstack.proto.DeleteGatewayRequest;
import org.ttnlw.migrate.chirpstack.proto.Gateway;
import org.ttnlw.migrate.chirpstack.proto.GatewayListItem;
import org.ttnlw.migrate.chirpstack.proto.GatewayServiceGrpc;
import org.ttnlw.migrate.chirpstack.proto.GatewayState;
import org.ttnlw.migrate.chirpstack.proto.GetGatewayRequest;
import org.ttnlw.migrate.chirpstack.proto.GetGatewayResponse;
import org.ttnlw.migrate.chirpstack.proto.ListGatewaysRequest;
import org.ttnlw.migrate.chirpstack.proto.ListGatewaysResponse;
import org.ttnlw.migrate.chirpstack.proto.Location;
import org.ttnlw.migrate.chirpstack.proto.UpdateGatewayRequest;

/**
 * ChirpStack v4.19.0's GatewayService as the facts describe it: gateways keyed by EUI across the
 * server, each of one tenant; Create needs a tenant and a name and refuses downlink priority 0;
 * Update replaces name, description, location, tags, stats interval and downlink priority, never
 * the tenant; Delete is for good; List pages by limit/offset with total_count (limit 0: only the
 * count), filters by tenant (empty: every tenant, admin keys only) and name, and its items lack
 * tags, stats interval and metadata. Get and List answer the location with source UNKNOWN and
 * accuracy 0 and the altitude as a float32, as ChirpStack stores it.
 */
final class SimulatedGateways extends GatewayServiceGrpc.GatewayServiceImplBase {
  private static final Timestamp CREATED = Timestamp.newBuilder().setSeconds(1_767_225_600).build();

  private final ChirpStackSimulator simulator;
  private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();

  SimulatedGateways(ChirpStackSimulator simulator) {
    this.simulator = simulator;
  }

  void put(Gateway gateway) {
    gateways.put(gateway.getGatewayId().toLowerCase(Locale.ROOT), stored(gateway));
  }

  Optional<Gateway> get(String eui) {
    return Optional.ofNullable(gateways.get(eui.toLowerCase(Locale.ROOT)));
  }

  /** What ChirpStack keeps of a gateway: the EUI in lower case, the location as it stores it. */
  private static Gateway stored(Gateway gateway) {
    Location location = gateway.getLocation();
    return gateway.toBuilder()
        .setGatewayId(gateway.getGatewayId().toLowerCase(Locale.ROOT))
        .setLocation(Location.newBuilder().setLatitude(location.getLatitude())
            .setLongitude(location.getLongitude()).setAltitude((float) location.getAltitude()))
        .build();
  }

  private Gateway visible(Caller caller, String eui) {
    if (!ChirpStackSimulator.EUI.matcher(eui).matches()) {
      throw Status.INTERNAL.withDescription("Invalid length").asRuntimeException();
    }
    Gateway gateway = gateways.get(eui.toLowerCase(Locale.ROOT));
    if (gateway == null || !caller.sees(gateway.getTenantId())) {
      throw caller.missing(eui);
    }
    return gateway;
  }

  private static void checkWritable(Caller caller, String tenantId) {
    if (!caller.writes(tenantId)) {
      throw Status.UNAUTHENTICATED.asRuntimeException();
    }
  }

  private static void checkSettings(Gateway gateway) {
    if (gateway.getName().isEmpty()) {
      throw Status.INVALID_ARGUMENT.withDescription("name is not set").asRuntimeException();
    }
    if (gateway.getDownlinkPriority() == 0) {
      throw Status.INVALID_ARGUMENT.withDescription("downlink_priority must be > 0")
          .asRuntimeException();
    }
  }

  @Override
  public void create(CreateGatewayRequest request, StreamObserver<Empty> observer) {
    Gateway wanted = request.getGateway();
    simulator.serve("GatewayService/Create", wanted.getGatewayId(), observer, caller -> {
      ChirpStackSimulator.checkUuid(wanted.getTenantId());
      checkWritable(caller, wanted.getTenantId());
      if (!ChirpStackSimulator.EUI.matcher(wanted.getGatewayId()).matches()) {
        throw Status.INTERNAL.withDescription("Invalid length").asRuntimeException();
      }
      checkSettings(wanted);
      if (gateways.putIfAbsent(wanted.getGatewayId().toLowerCase(Locale.ROOT),
          stored(wanted.toBuilder().clearMetadata().build())) != null) {
        throw Status.INTERNAL.withDescription("duplicate key value violates unique constraint"
            + " \"gateway_pkey\"").asRuntimeException();
      }
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void get(GetGatewayRequest request, StreamObserver<GetGatewayResponse> observer) {
    simulator.serve("GatewayService/Get", request.getGatewayId(), observer, caller ->
        GetGatewayResponse.newBuilder()
            .setGateway(visible(caller, request.getGatewayId()))
            .setCreatedAt(CREATED).setUpdatedAt(CREATED)
            .build());
  }

  @Override
  public void update(UpdateGatewayRequest request, StreamObserver<Empty> observer) {
    Gateway wanted = request.getGateway();
    simulator.serve("GatewayService/Update", wanted.getGatewayId(), observer, caller -> {
      Gateway old = visible(caller, wanted.getGatewayId());
      checkWritable(caller, old.getTenantId());
      checkSettings(wanted);
      gateways.put(old.getGatewayId(), stored(wanted.toBuilder()
          .setGatewayId(old.getGatewayId())
          .setTenantId(old.getTenantId())
          .clearMetadata().putAllMetadata(old.getMetadataMap())
          .build()));
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void delete(DeleteGatewayRequest request, StreamObserver<Empty> observer) {
    simulator.serve("GatewayService/Delete", request.getGatewayId(), observer, caller -> {
      Gateway old = visible(caller, request.getGatewayId());
      checkWritable(caller, old.getTenantId());
      gateways.remove(old.getGatewayId());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void list(ListGatewaysRequest request, StreamObserver<ListGatewaysResponse> observer) {
    simulator.serve("GatewayService/List", "tenant " + request.getTenantId() + " offset "
        + request.getOffset() + " limit " + request.getLimit(), observer, caller -> {
          String tenant = request.getTenantId();
          if (!tenant.isEmpty()) {
            ChirpStackSimulator.checkUuid(tenant);
          }
          if (tenant.isEmpty() ? caller.tenantId().isPresent() : !caller.sees(tenant)) {
            throw Status.UNAUTHENTICATED.asRuntimeException();
          }
          String search = request.getSearch().toLowerCase(Locale.ROOT);
          List<Gateway> all = gateways.values().stream()
              .filter(g -> tenant.isEmpty() || g.getTenantId().equals(tenant))
              .filter(g -> g.getName().toLowerCase(Locale.ROOT).contains(search))
              .sorted(order(request))
              .toList();
          ListGatewaysResponse.Builder page =
              ListGatewaysResponse.newBuilder().setTotalCount(all.size());
          all.stream().skip(request.getOffset()).limit(request.getLimit()).forEach(g ->
              page.addResult(GatewayListItem.newBuilder().setTenantId(g.getTenantId())
                  .setGatewayId(g.getGatewayId()).setName(g.getName())
                  .setDescription(g.getDescription()).setLocation(g.getLocation())
                  .putAllProperties(g.getMetadataMap()).setCreatedAt(CREATED)
                  .setUpdatedAt(CREATED).setState(GatewayState.NEVER_SEEN)
                  .setDownlinkPriority(g.getDownlinkPriority())));
          return page.build();
        });
  }

  /** By name (then EUI) unless the request asks for EUIs; LAST_SEEN_AT is all "never" here. */
  private static Comparator<Gateway> order(ListGatewaysRequest request) {
    Comparator<Gateway> order = request.getOrderBy() == ListGatewaysRequest.OrderBy.NAME
        ? Comparator.comparing(Gateway::getName).thenComparing(Gateway::getGatewayId)
        : Comparator.comparing(Gateway::getGatewayId);
    return request.getOrderByDesc() ? order.reversed() : order;
  }
}
