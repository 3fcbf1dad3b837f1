package org.ttnlw.migrate.sim;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.grpc.InsecureServerCredentials;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.proto.APIKey;
import org.ttnlw.migrate.proto.Application;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.MACSettingsProfile;
import org.ttnlw.migrate.proto.MACSettingsProfileIdentifiers;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.sim.ThrowawayCa.ServerIdentity;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * The Things Stack's four end-device registries (IS, JS, AS, NS) served over real gRPC on one
 * loopback port, with TTS's field-mask rules, errors, authentication and response headers. Each
 * server keeps its own part of every device, as in TTS. Thread-safe.
 *
 * <p>The same port serves the gateway services ({@code GatewayRegistry}, {@code GatewayAccess},
 * {@code Gs}, {@code GatewayClaimingServer}). They do not take the builder's API key: they
 * authenticate user and organization keys given to {@link #addGatewayKey} and the gateway API keys
 * made by {@code CreateAPIKey} or {@link #addGatewayApiKey}, each with its own rights.
 *
 * <pre>{@code
 * try (TtsSimulator tts = TtsSimulator.builder().apiKey("NNSXS.KEY").tls(true).start()) {
 *   tts.put(SampleDevices.otaaWithSession("my-app", "my-device", 0));
 *   // connect to tts.address(), trusting tts.caFile()
 * }
 * }</pre>
 */
public final class TtsSimulator implements AutoCloseable {
  /** Calls per minute the rate-limit headers report unless the builder says otherwise. */
  public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 1_000_000;

  private final Builder settings;
  private final ServerIdentity identity;
  private final Server server;
  private final ScheduledExecutorService scheduler;
  private final Map<TtsServer, DeviceStore> stores;
  private final SettingsStore settingsStore;
  private final GatewayStore gatewayStore;
  private final NewerNsFields newerNs;
  private final CallJournal journal;
  private final CallPipeline pipeline;
  private final Path caFile;

  private TtsSimulator(Builder builder, ServerIdentity identity, Map<TtsServer, DeviceStore> stores,
      SettingsStore settingsStore, GatewayStore gatewayStore, NewerNsFields newerNs)
      throws IOException {
    settings = builder;
    this.identity = identity;
    this.stores = stores;
    this.settingsStore = settingsStore;
    this.gatewayStore = gatewayStore;
    this.newerNs = newerNs;
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "tts-simulator-latency");
              thread.setDaemon(true);
              return thread;
            });
    journal = new CallJournal();
    pipeline =
        new CallPipeline(
            builder.apiKey,
            builder.latency,
            scheduler,
            journal,
            new RateLimitWindow(builder.rateLimitPerMinute),
            ShuffledMaps.forSimulator("TTS simulator"));
    caFile = identity == null ? null : identity.writeCaFile("tts-simulator-ca-");
    NettyServerBuilder netty =
        NettyServerBuilder.forAddress(
            new InetSocketAddress("127.0.0.1", builder.port), credentials(identity));
    KeyRights rights = new KeyRights(builder.rights, builder.missingApplicationRights);
    for (Registry registry : Registry.values()) {
      netty.addService(
          ServerInterceptors.intercept(
              new RegistryService(registry, stores.get(registry.server()), pipeline, rights,
                  newerNs).definition(),
              CallMetadata.interceptor()));
    }
    for (ServerServiceDefinition service : new SettingsService(settingsStore, pipeline,
        new FieldMaskRules(Map.copyOf(builder.refused)), rights,
        stores.get(TtsServer.IDENTITY_SERVER)::addApplication,
        stores.get(TtsServer.IDENTITY_SERVER)::hasApplication).definitions()) {
      netty.addService(ServerInterceptors.intercept(service, CallMetadata.interceptor()));
    }
    if (newerNs.servesProfiles()) {
      netty.addService(ServerInterceptors.intercept(
          new ProfileService(settingsStore, pipeline, rights).definition(),
          CallMetadata.interceptor()));
    }
    new GatewayServices(gatewayStore, pipeline).definitions().forEach(netty::addService);
    server = netty.build();
    try {
      server.start();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where clients connect: {@code localhost:PORT}. */
  public String address() {
    return "localhost:" + port();
  }

  public int port() {
    return server.getPort();
  }

  /** Whether the simulator serves TLS rather than plaintext. */
  public boolean tls() {
    return caFile != null;
  }

  /** The PEM file of the CA that issued the server certificate; only with TLS. */
  public Path caFile() {
    if (caFile == null) {
      throw new IllegalStateException("the simulator runs without TLS");
    }
    return caFile;
  }

  /** Stores a full device split over all four servers, each keeping only its own fields. */
  public void put(EndDevice device) {
    put(device, EnumSet.allOf(TtsServer.class));
  }

  /** Stores a full device on some servers only, such as an ABP device that JS does not know. */
  public void put(EndDevice device, Set<TtsServer> servers) {
    for (TtsServer server : servers) {
      stores.get(server).put(DeviceMasks.select(device, Registry.of(server).ownedPaths()));
    }
  }

  /** Makes an application known to the IS, as creating it in the Console does. */
  public void addApplication(String applicationId) {
    addApplication(Application.newBuilder()
        .setIds(ApplicationIdentifiers.newBuilder().setApplicationId(applicationId)).build());
  }

  /** Makes an application with these fields known to the IS. */
  public void addApplication(Application application) {
    stores.get(TtsServer.IDENTITY_SERVER).addApplication(application.getIds().getApplicationId());
    putSetting(application.getIds().getApplicationId(), application);
  }

  /**
   * Stores an application, link, webhook, pub/sub or package default association of an
   * application as its server holds it, replacing one with the same ID.
   */
  public void putSetting(String applicationId, Message item) {
    settingsStore.put(applicationId, SettingsService.idOf(item), item);
  }

  /** The items of one type that the IS or AS holds for an application, by ID. */
  public <M extends Message> List<M> settings(Class<M> type, String applicationId) {
    return settingsStore.list(type, applicationId);
  }

  /** Stores a MAC settings profile on the NS, replacing one with the same ID. */
  public void putProfile(MACSettingsProfile profile) {
    requireProfiles();
    settingsStore.put(profile.getIds().getApplicationIds().getApplicationId(),
        profile.getIds().getProfileId(), profile);
  }

  /** The MAC settings profiles the NS holds for an application, by profile ID. */
  public List<MACSettingsProfile> profiles(String applicationId) {
    return settingsStore.list(MACSettingsProfile.class, applicationId);
  }

  /**
   * Binds a stored device to a stored profile of its application as the NS does: the device's own
   * {@code mac_settings} are cleared.
   */
  public void bind(String applicationId, String deviceId, String profileId) {
    requireProfiles();
    if (!newerNs.bindsAtKnownField()) {
      throw new IllegalStateException("binding needs Builder.profileFieldNumber");
    }
    MACSettingsProfileIdentifiers ids = MACSettingsProfileIdentifiers.newBuilder()
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(applicationId))
        .setProfileId(profileId).build();
    if (settingsStore.get(MACSettingsProfile.class, applicationId, profileId).isEmpty()) {
      throw new IllegalArgumentException("no profile " + profileId + " in " + applicationId);
    }
    stores.get(TtsServer.NETWORK_SERVER).update(applicationId, deviceId,
            device -> device.toBuilder().clearMacSettings().build())
        .orElseThrow(() -> new IllegalArgumentException("no device " + deviceId + " on the NS"));
    newerNs.bind(applicationId, deviceId, ids);
  }

  /** The profile the NS binds a device to, if any. */
  public Optional<MACSettingsProfileIdentifiers> binding(String applicationId, String deviceId) {
    return newerNs.binding(applicationId, deviceId);
  }

  /**
   * Makes every NS answer for the device carry a length-delimited field {@code number} that
   * EndDevice does not have, as a newer release's addition.
   */
  public void addUnknownNsField(String applicationId, String deviceId, int number,
      ByteString value) {
    newerNs.addField(applicationId, deviceId, number, value);
  }

  private void requireProfiles() {
    if (!newerNs.servesProfiles()) {
      throw new IllegalStateException("this NS predates profiles");
    }
  }

  /** Deletes a device from every server, as someone else deleting it meanwhile does. */
  public void remove(String applicationId, String deviceId) {
    stores.values().forEach(store -> store.remove(applicationId, deviceId));
  }

  /** What a server holds of a device. */
  public Optional<EndDevice> stored(TtsServer server, String applicationId, String deviceId) {
    return stores.get(server).get(applicationId, deviceId);
  }

  /** The calls received so far, in order. */
  public List<CallInfo> calls() {
    return journal.calls();
  }

  /** The Set, Update and Delete calls received so far, in order. */
  public List<CallInfo> writes() {
    return calls().stream().filter(CallInfo::isWrite).toList();
  }

  public void clearCalls() {
    journal.clear();
  }

  /** Answers the calls that come from now on after {@code latency} instead of the builder's. */
  public void latency(Duration latency) {
    pipeline.latency(checkedLatency(latency));
  }

  private static Duration checkedLatency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("negative latency: " + latency);
    }
    return latency;
  }

  /**
   * Sets the hook asked before each call is handled (after it is recorded); a fault it returns
   * fails the call instead. Replaces the previous hook.
   */
  public void faults(Function<CallInfo, Optional<Fault>> faults) {
    pipeline.faults(Objects.requireNonNull(faults));
  }

  /**
   * Closes this simulator and starts another on its port with its settings, TLS certificate and
   * devices, as a server that comes back after a restart. The new one records calls afresh and has
   * no fault hook.
   */
  public TtsSimulator restart() throws IOException {
    int port = port();
    close();
    return new TtsSimulator(
        settings.copy().port(port), identity, stores, settingsStore, gatewayStore, newerNs);
  }

  /**
   * Lets an API key of a user or organization ({@code user:alice}, {@code organization:acme}) call
   * the gateway services with these rights. A key reaches the gateways its owner collaborates on;
   * on each, it holds the rights both it and the collaboration grant.
   */
  public void addGatewayKey(String key, String owner, Set<Right> rights) {
    gatewayStore.addAccountKey(key, AccountId.parse(owner), rights);
  }

  /**
   * Makes a user ({@code user:alice}) a member of an organization ({@code organization:acme})
   * with these rights: the user reaches the organization's gateways with what both allow.
   */
  public void addOrganizationMember(String organization, String user, Set<Right> rights) {
    AccountId organizationId = AccountId.parse(organization);
    AccountId userId = AccountId.parse(user);
    if (!organizationId.organization() || userId.organization()) {
      throw new IllegalArgumentException("a user joins an organization, not " + user + " "
          + organization);
    }
    gatewayStore.addMember(organizationId, userId, rights);
  }

  /**
   * Registers a gateway as {@code Create} stores it: the collaborator ({@code user:alice}) gets
   * {@code RIGHT_ALL} and empty contacts become the collaborator. Timestamps the gateway carries
   * are kept (a {@code deleted_at} seeds a soft-deleted one). Fails with {@code id_taken} or
   * {@code gateway_eui_taken} as Create does.
   *
   * @return the gateway as stored
   */
  public Gateway addGateway(Gateway gateway, String collaborator) {
    AccountId account = AccountId.parse(collaborator);
    Gateway.Builder seeded = gateway.toBuilder();
    if (!gateway.hasAdministrativeContact()) {
      seeded.setAdministrativeContact(account.toIdentifiers());
    }
    if (!gateway.hasTechnicalContact()) {
      seeded.setTechnicalContact(account.toIdentifiers());
    }
    return gatewayStore.create(seeded.build(), account);
  }

  /** A gateway with all its fields and secrets, soft-deleted ones included. */
  public Optional<Gateway> gateway(String gatewayId) {
    return gatewayStore.stored(gatewayId);
  }

  /** Changes a live gateway, as someone does in the Console. */
  public Gateway changeGateway(String gatewayId, UnaryOperator<Gateway> change) {
    return gatewayStore.update(gatewayId, change);
  }

  /** Whether the gateway is soft-deleted (false for one never registered). */
  public boolean isDeleted(String gatewayId) {
    return gateway(gatewayId).map(Gateway::hasDeletedAt).orElse(false);
  }

  /**
   * Gives a gateway an API key, as the Console does; a {@code key} left empty in {@code apiKey}
   * gets a fresh {@code NNSXS.} text.
   *
   * @return the key as stored, with its text
   */
  public APIKey addGatewayApiKey(String gatewayId, APIKey apiKey) {
    gatewayStore.requireLive(gatewayId);
    return gatewayStore.addApiKey(gatewayId, apiKey);
  }

  /** A gateway's API keys in the order they were made, each with its text in {@code key}. */
  public List<APIKey> gatewayApiKeys(String gatewayId) {
    return gatewayStore.apiKeys(gatewayId);
  }

  /** The Gateway Server sees the gateway connect, e.g. with protocol {@code udp}. */
  public void connect(String gatewayId, String protocol) {
    gatewayStore.connect(gatewayId, protocol);
  }

  /** The gateway's connection ends; its stats remain with {@code disconnected_at}, as in TTS. */
  public void disconnect(String gatewayId) {
    gatewayStore.disconnect(gatewayId);
  }

  /** Whether the gateway is connected to this simulator's Gateway Server now. */
  public boolean isConnected(String gatewayId) {
    return gatewayStore.isConnected(gatewayId);
  }

  /**
   * A claiming upstream covers this EUI (16 hex digits): {@code GetInfoByGatewayEUI} answers
   * {@code supports_claiming} and, if {@code managed}, {@code is_managed}.
   */
  public void declareClaimable(String eui, boolean managed) {
    gatewayStore.declareClaimable(ByteString.fromHex(eui), managed);
  }

  /** The Gateway Server address of this simulator, {@code host:port}, as gateways are given it. */
  public String gatewayServerAddress() {
    return address();
  }

  /** The gateway-service calls received so far, in order. */
  public List<GatewayCall> gatewayCalls() {
    return journal.gatewayCalls();
  }

  /**
   * The requests received so far by one gateway-service method, in order, e.g. {@code
   * gatewayRequests(GatewayRegistryGrpc.getUpdateMethod())}.
   */
  public <ReqT extends Message> List<ReqT> gatewayRequests(MethodDescriptor<ReqT, ?> method) {
    return gatewayCalls().stream().flatMap(call -> call.request(method).stream()).toList();
  }

  /**
   * Sets the hook asked before each gateway-service call is handled (after it is recorded); a
   * fault it returns fails the call instead. Replaces the previous hook.
   */
  public void gatewayFaults(Function<GatewayCall, Optional<Fault>> faults) {
    pipeline.gatewayFaults(Objects.requireNonNull(faults));
  }

  GatewayStore gatewayStore() {
    return gatewayStore;
  }

  /** Blocks until the simulator is closed, for a simulator run as a program. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    SimulatorShutdown.stop(server, scheduler, caFile);
  }

  private static ServerCredentials credentials(ServerIdentity identity) throws IOException {
    return identity == null ? InsecureServerCredentials.create() : identity.serverCredentials();
  }

  /** Settings for a simulator; only the API key is required. */
  public static final class Builder {
    private String apiKey;
    private boolean tls;
    private int port;
    private Duration latency = Duration.ZERO;
    private int rateLimitPerMinute = DEFAULT_RATE_LIMIT_PER_MINUTE;
    private final Map<String, Set<String>> refused = new HashMap<>();
    private Set<Right> rights = Set.of(Right.RIGHT_APPLICATION_ALL,
        Right.RIGHT_USER_APPLICATIONS_CREATE, Right.RIGHT_ORGANIZATION_APPLICATIONS_CREATE);
    private MissingApplicationRights missingApplicationRights =
        MissingApplicationRights.EMPTY_LIST;
    private int profileField;
    private boolean predatingProfiles;
    private boolean profilesWithoutBinding;

    private Builder() {}

    /**
     * The EndDevice field number at which the NS sends {@code mac_settings_profile_ids} of a
     * device bound with {@link TtsSimulator#bind}: the real number is not in the facts, so each
     * test that binds devices picks one.
     */
    public Builder profileFieldNumber(int endDeviceFieldNumber) {
      if (endDeviceFieldNumber <= 0
          || EndDevice.getDescriptor().findFieldByNumber(endDeviceFieldNumber) != null) {
        throw new IllegalArgumentException("not a field number EndDevice leaves free: "
            + endDeviceFieldNumber);
      }
      this.profileField = endDeviceFieldNumber;
      return this;
    }

    /**
     * Play a Network Server before TTS 3.33.0: no {@code NsMACSettingsProfileRegistry}
     * (Unimplemented), and device masks naming {@code mac_settings_profile_ids} refused with
     * {@code forbidden_paths}. By default the NS is a current one, which has both.
     */
    public Builder predatingProfiles() {
      this.predatingProfiles = true;
      return this;
    }

    /**
     * Play a Network Server of TTS 3.33.0 to 3.34.0: it serves {@code
     * NsMACSettingsProfileRegistry}, but device masks naming {@code mac_settings_profile_ids} are
     * refused with {@code forbidden_paths}.
     */
    public Builder profilesWithoutBinding() {
      this.profilesWithoutBinding = true;
      return this;
    }

    /**
     * The rights of the API key: on every application, which ApplicationAccess/ListRights names
     * and the application-level and end-device RPCs check, and the USER_ or
     * ORGANIZATION_APPLICATIONS_CREATE right that ApplicationRegistry/Create checks for its
     * collaborator. By default RIGHT_APPLICATION_ALL and both create rights; a key given only
     * application rights here cannot create applications.
     */
    public Builder rights(Right... rights) {
      this.rights = Set.of(rights);
      return this;
    }

    /**
     * What ApplicationAccess/ListRights answers for a missing application; an empty list by
     * default.
     */
    public Builder missingApplicationRights(MissingApplicationRights answer) {
      this.missingApplicationRights = Objects.requireNonNull(answer);
      return this;
    }

    /** The key every call must present as {@code authorization: Bearer <key>}. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey);
      return this;
    }

    /** Serve TLS with a throw-away CA (see {@link TtsSimulator#caFile()}); plaintext otherwise. */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /** The port to listen on; 0, the default, picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** How long each call takes to be answered; none by default. */
    public Builder latency(Duration latency) {
      this.latency = checkedLatency(latency);
      return this;
    }

    /** The limit the rate-limit headers report; the simulator never enforces it. */
    public Builder rateLimitPerMinute(int rateLimitPerMinute) {
      this.rateLimitPerMinute = rateLimitPerMinute;
      return this;
    }

    /**
     * Refuse these field-mask paths in an RPC (full name, e.g. {@code
     * ttn.lorawan.v3.ApplicationWebhookRegistry/Set}) as a release that does not know them does.
     */
    public Builder refusing(String fullMethodName, String... paths) {
      refused.computeIfAbsent(fullMethodName, rpc -> new HashSet<>()).addAll(List.of(paths));
      return this;
    }

    public TtsSimulator start() throws IOException {
      if (apiKey == null) {
        throw new IllegalStateException("an API key is required");
      }
      Map<TtsServer, DeviceStore> stores = new EnumMap<>(TtsServer.class);
      for (TtsServer server : TtsServer.values()) {
        stores.put(server, new DeviceStore());
      }
      SettingsStore settings = new SettingsStore();
      return new TtsSimulator(copy(), tls ? ThrowawayCa.issue() : null, stores, settings,
          new GatewayStore(), new NewerNsFields(!predatingProfiles,
              !predatingProfiles && !profilesWithoutBinding, profileField,
              ids -> settings.get(MACSettingsProfile.class,
                  ids.getApplicationIds().getApplicationId(), ids.getProfileId()).isPresent()));
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.apiKey = apiKey;
      copy.tls = tls;
      copy.port = port;
      copy.latency = latency;
      copy.rateLimitPerMinute = rateLimitPerMinute;
      copy.rights = rights;
      copy.missingApplicationRights = missingApplicationRights;
      copy.profileField = profileField;
      copy.predatingProfiles = predatingProfiles;
      copy.profilesWithoutBinding = profilesWithoutBinding;
      refused.forEach((rpc, paths) -> copy.refused.put(rpc, Set.copyOf(paths)));
      return copy;
    }
  }
}
