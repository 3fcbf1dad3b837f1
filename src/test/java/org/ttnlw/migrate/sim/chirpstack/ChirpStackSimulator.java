package org.ttnlw.migrate.sim.chirpstack;

import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.ttnlw.migrate.chirpstack.proto.ActivateDeviceRequest;
import org.ttnlw.migrate.chirpstack.proto.Application;
import org.ttnlw.migrate.chirpstack.proto.CreateDeviceKeysRequest;
import org.ttnlw.migrate.chirpstack.proto.CreateDeviceRequest;
import org.ttnlw.migrate.chirpstack.proto.DeleteDeviceRequest;
import org.ttnlw.migrate.chirpstack.proto.Device;
import org.ttnlw.migrate.chirpstack.proto.DeviceActivation;
import org.ttnlw.migrate.chirpstack.proto.DeviceKeys;
import org.ttnlw.migrate.chirpstack.proto.DeviceListItem;
import org.ttnlw.migrate.chirpstack.proto.DeviceProfile;
import org.ttnlw.migrate.chirpstack.proto.DeviceProfileServiceGrpc;
import org.ttnlw.migrate.chirpstack.proto.DeviceServiceGrpc;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceActivationRequest;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceActivationResponse;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceKeysRequest;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceKeysResponse;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceProfileRequest;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceProfileResponse;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceRequest;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceResponse;
import org.ttnlw.migrate.chirpstack.proto.HttpIntegration;
import org.ttnlw.migrate.chirpstack.proto.IntegrationKind;
import org.ttnlw.migrate.chirpstack.proto.ListDevicesRequest;
import org.ttnlw.migrate.chirpstack.proto.ListDevicesResponse;
import org.ttnlw.migrate.chirpstack.proto.UpdateDeviceRequest;
import org.ttnlw.migrate.sim.CallMetadata;
import org.ttnlw.migrate.sim.ShuffledMaps;
import org.ttnlw.migrate.sim.SimulatorShutdown;
import org.ttnlw.migrate.sim.ThrowawayCa.ServerIdentity;
import org.ttnlw.migrate.sim.ThrowawayCa;

/**
 * ChirpStack v4's DeviceService (Get, Update, Delete, List, GetKeys, GetActivation),
 * DeviceProfileService (Get), ApplicationService (Get, ListIntegrations, GetHttpIntegration:
 * {@link ChirpStackApplications}) and GatewayService ({@link SimulatedGateways}) over real gRPC on
 * a loopback port, with the facts' rules: bearer API keys (admin or tenant, read-only or not),
 * access checks, error codes (INTERNAL for bad EUI hex, INVALID_ARGUMENT for bad UUIDs), paging by
 * limit/offset with total_count (no items for limit 0). It records every call, and keeps what
 * Create, Update and Delete changed. Thread-safe.
 */
public final class ChirpStackSimulator implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  static final Pattern EUI = Pattern.compile("[0-9a-fA-F]{16}");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final String adminKey;
  private final Map<String, Caller> tenantKeys;
  private volatile Duration latency;
  private final ShuffledMaps shuffledMaps = ShuffledMaps.forSimulator("ChirpStack simulator");
  private final Server server;
  private final Path caFile;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
      task -> {
        Thread thread = new Thread(task, "chirpstack-simulator-latency");
        thread.setDaemon(true);
        return thread;
      });
  private final Map<String, String> applicationTenants = new ConcurrentHashMap<>();
  private final Map<String, DeviceProfile> profiles = new ConcurrentHashMap<>();
  private final Map<String, Device> devices = new ConcurrentHashMap<>();
  private final Map<String, DeviceKeys> keys = new ConcurrentHashMap<>();
  private final Map<String, DeviceActivation> activations = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
  private final SimulatedGateways gateways = new SimulatedGateways(this);
  private final List<ChirpStackCall> calls = new ArrayList<>();
  private final ChirpStackApplications applications = new ChirpStackApplications(this);
  private volatile Function<ChirpStackCall, Optional<Status>> faults = call -> Optional.empty();

  private ChirpStackSimulator(Builder builder) throws IOException {
    adminKey = builder.adminKey;
    tenantKeys = Map.copyOf(builder.tenantKeys);
    latency = builder.latency;
    ServerIdentity identity = builder.tls ? ThrowawayCa.issue() : null;
    caFile = identity == null ? null : identity.writeCaFile("chirpstack-simulator-ca-");
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
            identity == null ? InsecureServerCredentials.create() : identity.serverCredentials())
        .addService(ServerInterceptors.intercept(new Devices(), CallMetadata.interceptor()))
        .addService(ServerInterceptors.intercept(new Profiles(), CallMetadata.interceptor()))
        .addService(ServerInterceptors.intercept(gateways, CallMetadata.interceptor()))
        .addService(ServerInterceptors.intercept(applications, CallMetadata.interceptor()))
        .build()
        .start();
  }

  public static Builder builder() {
    return new Builder();
  }

  public String address() {
    return "localhost:" + server.getPort();
  }

  public boolean tls() {
    return caFile != null;
  }

  public Path caFile() {
    if (caFile == null) {
      throw new IllegalStateException("the simulator runs without TLS");
    }
    return caFile;
  }

  /** An application of a tenant; devices name it by {@code application_id}. */
  public void putApplication(String applicationId, String tenantId) {
    putApplication(Application.newBuilder().setId(applicationId).setTenantId(tenantId)
        .setName("application " + applicationId).build());
  }

  /** An application with its name, description and tags, as ApplicationService/Get answers it. */
  public void putApplication(Application application) {
    applicationTenants.put(application.getId(), application.getTenantId());
    applications.put(application);
  }

  /** The HTTP integration of an application; ListIntegrations names it first. */
  public void putHttpIntegration(HttpIntegration integration) {
    applications.putHttp(integration);
  }

  /** Another integration of an application, named by ListIntegrations after those before it. */
  public void putIntegration(String applicationId, IntegrationKind kind) {
    applications.putOther(applicationId, kind);
  }

  public void putProfile(DeviceProfile profile) {
    profiles.put(profile.getId(), profile);
  }

  /** A device, with its keys and activation when it has them. */
  public void putDevice(Device device, Optional<DeviceKeys> deviceKeys,
      Optional<DeviceActivation> activation) {
    if (!applicationTenants.containsKey(device.getApplicationId())) {
      throw new IllegalArgumentException("unknown application " + device.getApplicationId());
    }
    String devEui = device.getDevEui();
    devices.put(devEui, device);
    deviceKeys.ifPresent(k -> keys.put(devEui, k));
    activation.ifPresent(a -> activations.put(devEui, a));
  }

  /** When the device last sent an uplink, as ChirpStack records it and lists it. */
  public void lastSeen(String devEui, Instant at) {
    lastSeen.put(devEui, at);
  }

  public Optional<Device> device(String devEui) {
    return Optional.ofNullable(devices.get(devEui));
  }

  public Optional<DeviceKeys> keys(String devEui) {
    return Optional.ofNullable(keys.get(devEui));
  }

  public Optional<DeviceActivation> activation(String devEui) {
    return Optional.ofNullable(activations.get(devEui));
  }

  /** A gateway as a tenant's user would have created it (name set, downlink priority above 0). */
  public void putGateway(org.ttnlw.migrate.chirpstack.proto.Gateway gateway) {
    gateways.put(gateway);
  }

  /** The gateway of {@code eui} (any case) as the simulator now holds it. */
  public Optional<org.ttnlw.migrate.chirpstack.proto.Gateway> gateway(String eui) {
    return gateways.get(eui);
  }

  public synchronized List<ChirpStackCall> calls() {
    return List.copyOf(calls);
  }

  /** The Create, Update and Delete calls so far, in order. */
  public List<ChirpStackCall> writes() {
    return calls().stream().filter(ChirpStackCall::isWrite).toList();
  }

  public synchronized void clearCalls() {
    calls.clear();
  }

  /** Answers the calls that come from now on after {@code latency} instead of the builder's. */
  public void latency(Duration latency) {
    this.latency = latency;
  }

  /** A hook asked before each call is handled; a status it returns fails the call instead. */
  public void faults(Function<ChirpStackCall, Optional<Status>> faults) {
    this.faults = faults;
  }

  @Override
  public void close() {
    SimulatorShutdown.stop(server, scheduler, caFile);
  }

  /** Records the call, asks the fault hook, authenticates, handles, and answers after the latency. */
  <T> void serve(String method, String target, StreamObserver<T> observer,
      Function<Caller, T> handler) {
    ChirpStackCall call;
    synchronized (this) {
      call = new ChirpStackCall(calls.size() + 1L, method, target);
      calls.add(call);
    }
    Supplier<Void> answer;
    try {
      Optional<Status> fault = faults.apply(call);
      if (fault.isPresent()) {
        throw fault.get().asRuntimeException();
      }
      Caller caller = Caller.authenticate(
          CallMetadata.current().requestHeaders().get(AUTHORIZATION), adminKey, tenantKeys);
      T response = shuffledMaps.shuffled(handler.apply(caller));
      answer = () -> {
        observer.onNext(response);
        observer.onCompleted();
        return null;
      };
    } catch (StatusRuntimeException e) {
      answer = () -> {
        observer.onError(e);
        return null;
      };
    }
    Duration delay = latency;
    if (delay.isZero()) {
      answer.get();
    } else {
      scheduler.schedule(answer::get, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** The device a call names, after ChirpStack's parse and access checks. */
  private Device visibleDevice(Caller caller, String devEui) {
    if (!EUI.matcher(devEui).matches()) {
      throw Status.INTERNAL.withDescription("Invalid length").asRuntimeException();
    }
    Device device = devices.get(devEui.toLowerCase(java.util.Locale.ROOT));
    if (device == null || !caller.sees(applicationTenants.get(device.getApplicationId()))) {
      throw caller.missing(devEui);
    }
    return device;
  }

  static void checkUuid(String id) {
    if (!UUID.matcher(id).matches()) {
      throw Status.INVALID_ARGUMENT.withDescription("invalid UUID: " + id).asRuntimeException();
    }
  }

  private final class Devices extends DeviceServiceGrpc.DeviceServiceImplBase {
    @Override
    public void get(GetDeviceRequest request, StreamObserver<GetDeviceResponse> observer) {
      serve("DeviceService/Get", request.getDevEui(), observer, caller ->
          GetDeviceResponse.newBuilder().setDevice(visibleDevice(caller, request.getDevEui()))
              .build());
    }

    @Override
    public void update(UpdateDeviceRequest request, StreamObserver<Empty> observer) {
      Device wanted = request.getDevice();
      serve("DeviceService/Update", wanted.getDevEui(), observer, caller -> {
        Device stored = visibleDevice(caller, wanted.getDevEui());
        devices.put(stored.getDevEui(),
            wanted.toBuilder().setApplicationId(stored.getApplicationId()).build());
        return Empty.getDefaultInstance();
      });
    }

    @Override
    public void delete(DeleteDeviceRequest request, StreamObserver<Empty> observer) {
      serve("DeviceService/Delete", request.getDevEui(), observer, caller -> {
        Device stored = visibleDevice(caller, request.getDevEui());
        devices.remove(stored.getDevEui());
        keys.remove(stored.getDevEui());
        activations.remove(stored.getDevEui());
        return Empty.getDefaultInstance();
      });
    }

    @Override
    public void list(ListDevicesRequest request, StreamObserver<ListDevicesResponse> observer) {
      serve("DeviceService/List", request.getApplicationId() + " offset " + request.getOffset()
          + " limit " + request.getLimit(), observer, caller -> {
            checkUuid(request.getApplicationId());
            String tenant = applicationTenants.get(request.getApplicationId());
            if (tenant == null ? caller.tenantId().isPresent() : !caller.sees(tenant)) {
              throw Status.UNAUTHENTICATED.asRuntimeException();
            }
            Comparator<Device> order =
                request.getOrderBy() == ListDevicesRequest.OrderBy.DEV_EUI
                    ? Comparator.comparing(Device::getDevEui)
                    : Comparator.comparing(Device::getName).thenComparing(Device::getDevEui);
            List<Device> all = devices.values().stream()
                .filter(d -> d.getApplicationId().equals(request.getApplicationId()))
                .sorted(order)
                .toList();
            ListDevicesResponse.Builder page =
                ListDevicesResponse.newBuilder().setTotalCount(all.size());
            all.stream().skip(request.getOffset()).limit(request.getLimit()).forEach(d ->
                page.addResult(listItem(d)));
            return page.build();
          });
    }

    /** What the real list holds of a device: its profile's name and when it was last seen. */
    private DeviceListItem listItem(Device device) {
      DeviceListItem.Builder item = DeviceListItem.newBuilder().setDevEui(device.getDevEui())
          .setName(device.getName()).setDescription(device.getDescription())
          .setDeviceProfileId(device.getDeviceProfileId())
          .putAllTags(device.getTagsMap());
      Optional.ofNullable(profiles.get(device.getDeviceProfileId()))
          .ifPresent(profile -> item.setDeviceProfileName(profile.getName()));
      Optional.ofNullable(lastSeen.get(device.getDevEui())).ifPresent(at -> item.setLastSeenAt(
          Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano())));
      return item.build();
    }

    /**
     * Create: the application and the device profile must exist and be the caller's to write;
     * a DevEUI that exists fails with Internal, as ChirpStack's storage does.
     */
    @Override
    public void create(CreateDeviceRequest request, StreamObserver<Empty> observer) {
      Device wanted = request.getDevice();
      serve("DeviceService/Create", wanted.getDevEui(), observer, caller -> {
        if (!EUI.matcher(wanted.getDevEui()).matches()) {
          throw Status.INTERNAL.withDescription("Invalid length").asRuntimeException();
        }
        String tenant = applicationTenants.get(wanted.getApplicationId());
        if (tenant == null) {
          throw caller.missing(wanted.getApplicationId());
        }
        if (!caller.writes(tenant)) {
          throw Status.UNAUTHENTICATED.asRuntimeException();
        }
        DeviceProfile profile = profiles.get(wanted.getDeviceProfileId());
        if (profile == null || !caller.sees(profile.getTenantId())) {
          throw caller.missing(wanted.getDeviceProfileId());
        }
        if (devices.putIfAbsent(wanted.getDevEui(), wanted) != null) {
          throw Status.INTERNAL.withDescription("duplicate key value violates unique constraint"
              + " \"device_pkey\"").asRuntimeException();
        }
        return Empty.getDefaultInstance();
      });
    }

    /** CreateKeys: the device must exist and hold no keys yet. */
    @Override
    public void createKeys(CreateDeviceKeysRequest request, StreamObserver<Empty> observer) {
      DeviceKeys wanted = request.getDeviceKeys();
      serve("DeviceService/CreateKeys", wanted.getDevEui(), observer, caller -> {
        Device device = writableDevice(caller, wanted.getDevEui());
        if (keys.putIfAbsent(device.getDevEui(), wanted) != null) {
          throw Status.INTERNAL.withDescription("duplicate key value violates unique constraint"
              + " \"device_keys_pkey\"").asRuntimeException();
        }
        return Empty.getDefaultInstance();
      });
    }

    /** Activate: the device must exist; its session becomes the one given. */
    @Override
    public void activate(ActivateDeviceRequest request, StreamObserver<Empty> observer) {
      DeviceActivation wanted = request.getDeviceActivation();
      serve("DeviceService/Activate", wanted.getDevEui(), observer, caller -> {
        Device device = writableDevice(caller, wanted.getDevEui());
        activations.put(device.getDevEui(), wanted);
        return Empty.getDefaultInstance();
      });
    }

    private Device writableDevice(Caller caller, String devEui) {
      Device device = visibleDevice(caller, devEui);
      if (!caller.writes(applicationTenants.get(device.getApplicationId()))) {
        throw Status.UNAUTHENTICATED.asRuntimeException();
      }
      return device;
    }

    @Override
    public void getKeys(GetDeviceKeysRequest request,
        StreamObserver<GetDeviceKeysResponse> observer) {
      serve("DeviceService/GetKeys", request.getDevEui(), observer, caller -> {
        Device device = visibleDevice(caller, request.getDevEui());
        DeviceKeys stored = keys.get(device.getDevEui());
        if (stored == null) {
          throw Status.NOT_FOUND.withDescription("Object does not exist (id: "
              + device.getDevEui() + ")").asRuntimeException();
        }
        return GetDeviceKeysResponse.newBuilder().setDeviceKeys(stored).build();
      });
    }

    @Override
    public void getActivation(GetDeviceActivationRequest request,
        StreamObserver<GetDeviceActivationResponse> observer) {
      serve("DeviceService/GetActivation", request.getDevEui(), observer, caller -> {
        Device device = visibleDevice(caller, request.getDevEui());
        GetDeviceActivationResponse.Builder answer = GetDeviceActivationResponse.newBuilder();
        Optional.ofNullable(activations.get(device.getDevEui()))
            .ifPresent(answer::setDeviceActivation);
        return answer.build();
      });
    }
  }

  private final class Profiles extends DeviceProfileServiceGrpc.DeviceProfileServiceImplBase {
    @Override
    public void get(GetDeviceProfileRequest request,
        StreamObserver<GetDeviceProfileResponse> observer) {
      serve("DeviceProfileService/Get", request.getId(), observer, caller -> {
        checkUuid(request.getId());
        DeviceProfile profile = profiles.get(request.getId());
        if (profile == null || !caller.sees(profile.getTenantId())) {
          throw caller.missing(request.getId());
        }
        return GetDeviceProfileResponse.newBuilder().setDeviceProfile(profile).build();
      });
    }
  }

  /** Settings for a simulator; an admin key is required. */
  public static final class Builder {
    private String adminKey;
    private final Map<String, Caller> tenantKeys = new HashMap<>();
    private boolean tls;
    private Duration latency = Duration.ZERO;

    private Builder() {}

    public Builder adminKey(String key) {
      this.adminKey = key;
      return this;
    }

    /** A key that sees only the applications, devices and profiles of {@code tenantId}. */
    public Builder tenantKey(String key, String tenantId) {
      tenantKeys.put(key, new Caller(Optional.of(tenantId), false));
      return this;
    }

    /** A tenant key that reads like {@link #tenantKey} but may not create, update or delete. */
    public Builder readOnlyTenantKey(String key, String tenantId) {
      tenantKeys.put(key, new Caller(Optional.of(tenantId), true));
      return this;
    }

    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    public Builder latency(Duration latency) {
      this.latency = latency;
      return this;
    }

    public ChirpStackSimulator start() throws IOException {
      if (adminKey == null) {
        throw new IllegalStateException("an admin key is required");
      }
      return new ChirpStackSimulator(this);
    }
  }
}
