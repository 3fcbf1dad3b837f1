package org.ttnlw.migrate.sim.chirpstack;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ttnlw.migrate.chirpstack.proto.Application;
import org.ttnlw.migrate.chirpstack.proto.ApplicationServiceGrpc;
import org.ttnlw.migrate.chirpstack.proto.GetApplicationRequest;
import org.ttnlw.migrate.chirpstack.proto.GetApplicationResponse;
import org.ttnlw.migrate.chirpstack.proto.GetHttpIntegrationRequest;
import org.ttnlw.migrate.chirpstack.proto.GetHttpIntegrationResponse;
import org.ttnlw.migrate.chirpstack.proto.HttpIntegration;
import org.ttnlw.migrate.chirpstack.proto.IntegrationKind;
import org.ttnlw.migrate.chirpstack.proto.IntegrationListItem;
import org.ttnlw.migrate.chirpstack.proto.ListIntegrationsRequest;
import org.ttnlw.migrate.chirpstack.proto.ListIntegrationsResponse;

/**
 * ChirpStack's ApplicationService as far as the settings export reads it (Get, ListIntegrations,
 * GetHttpIntegration), with the simulator's access checks: a UUID that does not parse is
 * INVALID_ARGUMENT, an application missing or of another tenant is NOT_FOUND to admin keys and
 * UNAUTHENTICATED to tenant keys, a missing HTTP integration is NOT_FOUND. ListIntegrations is
 * not paged: it answers every integration with their total.
 */
final class ChirpStackApplications extends ApplicationServiceGrpc.ApplicationServiceImplBase {
  private final ChirpStackSimulator simulator;
  private final Map<String, Application> applications = new ConcurrentHashMap<>();
  private final Map<String, HttpIntegration> http = new ConcurrentHashMap<>();
  private final Map<String, List<IntegrationKind>> others = new ConcurrentHashMap<>();

  ChirpStackApplications(ChirpStackSimulator simulator) {
    this.simulator = simulator;
  }

  void put(Application application) {
    applications.put(application.getId(), application);
  }

  void putHttp(HttpIntegration integration) {
    http.put(integration.getApplicationId(), integration);
  }

  void putOther(String applicationId, IntegrationKind kind) {
    others.computeIfAbsent(applicationId, id -> new ArrayList<>()).add(kind);
  }

  @Override
  public void get(GetApplicationRequest request, StreamObserver<GetApplicationResponse> observer) {
    simulator.serve("ApplicationService/Get", request.getId(), observer, caller ->
        GetApplicationResponse.newBuilder().setApplication(visible(caller, request.getId()))
            .build());
  }

  @Override
  public void listIntegrations(ListIntegrationsRequest request,
      StreamObserver<ListIntegrationsResponse> observer) {
    simulator.serve("ApplicationService/ListIntegrations", request.getApplicationId(), observer,
        caller -> {
          String id = visible(caller, request.getApplicationId()).getId();
          List<IntegrationKind> kinds = new ArrayList<>();
          if (http.containsKey(id)) {
            kinds.add(IntegrationKind.HTTP);
          }
          kinds.addAll(others.getOrDefault(id, List.of()));
          ListIntegrationsResponse.Builder answer =
              ListIntegrationsResponse.newBuilder().setTotalCount(kinds.size());
          kinds.forEach(kind -> answer.addResult(IntegrationListItem.newBuilder().setKind(kind)));
          return answer.build();
        });
  }

  @Override
  public void getHttpIntegration(GetHttpIntegrationRequest request,
      StreamObserver<GetHttpIntegrationResponse> observer) {
    simulator.serve("ApplicationService/GetHttpIntegration", request.getApplicationId(),
        observer, caller -> {
          String id = visible(caller, request.getApplicationId()).getId();
          HttpIntegration integration = Optional.ofNullable(http.get(id)).orElseThrow(() ->
              Status.NOT_FOUND.withDescription("Object does not exist (id: " + id + ")")
                  .asRuntimeException());
          return GetHttpIntegrationResponse.newBuilder().setIntegration(integration).build();
        });
  }

  private Application visible(Caller caller, String id) {
    ChirpStackSimulator.checkUuid(id);
    Application application = applications.get(id);
    if (application == null || !caller.sees(application.getTenantId())) {
      throw caller.missing(id);
    }
    return application;
  }
}
