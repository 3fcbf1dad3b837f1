package org.ttnlw.migrate.sim;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Value;
import com.google.protobuf.util.Values;
import io.grpc.ServerServiceDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ttnlw.migrate.proto.CreateMACSettingsProfileResponse;
import org.ttnlw.migrate.proto.DeleteMACSettingsProfileResponse;
import org.ttnlw.migrate.proto.GetMACSettingsProfileResponse;
import org.ttnlw.migrate.proto.ListMACSettingsProfilesResponse;
import org.ttnlw.migrate.proto.MACSettingsProfile;
import org.ttnlw.migrate.proto.MACSettingsProfileIdentifiers;
import org.ttnlw.migrate.proto.NsEndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.NsMACSettingsProfileRegistryGrpc;
import org.ttnlw.migrate.proto.UpdateMACSettingsProfileResponse;
import org.ttnlw.migrate.sim.CallPipeline.Target;
import org.ttnlw.migrate.tts.FieldMaskTable;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * The Network Server's {@code NsMACSettingsProfileRegistry} (TTS 3.33.0 and later) over a {@link
 * SettingsStore}: Create, Get, Update, Delete and List with the rights the facts give (reads
 * APPLICATION_DEVICES_READ, writes APPLICATION_DEVICES_WRITE), field masks of {@code ids},
 * {@code mac_settings} and the {@code mac_settings.*} paths the NS allows on devices (an empty Get
 * or List mask answers both), and List pages in profile ID order with {@code x-total-count}.
 */
final class ProfileService {
  /** The largest page TTS serves. */
  private static final int MAX_LIMIT = 1000;
  private static final List<String> WHOLE = List.of("ids", "mac_settings");
  private static final Set<String> ALLOWED = Stream.concat(WHOLE.stream(),
          FieldMaskTable.bundled().allowed(NsEndDeviceRegistryGrpc.getSetMethod()
              .getFullMethodName()).stream().filter(path -> path.startsWith("mac_settings.")))
      .collect(Collectors.toUnmodifiableSet());

  private final SettingsStore store;
  private final CallPipeline pipeline;
  private final KeyRights rights;

  ProfileService(SettingsStore store, CallPipeline pipeline, KeyRights rights) {
    this.store = store;
    this.pipeline = pipeline;
    this.rights = rights;
  }

  ServerServiceDefinition definition() {
    TtsServer ns = TtsServer.NETWORK_SERVER;
    return ServerServiceDefinition.builder(NsMACSettingsProfileRegistryGrpc.SERVICE_NAME)
        .addMethod(pipeline.method(ns, NsMACSettingsProfileRegistryGrpc.getCreateMethod(),
            request -> target(request.getMacSettingsProfile().getIds(), FieldMask.getDefaultInstance()),
            (request, headers) -> {
              MACSettingsProfile profile = request.getMacSettingsProfile();
              rights.checkProfiles(false, application(profile.getIds()));
              if (stored(profile.getIds()) != null) {
                throw TtsError.STORE_ID_TAKEN.toException(Map.of());
              }
              store.put(application(profile.getIds()), profile.getIds().getProfileId(), profile);
              return CreateMACSettingsProfileResponse.newBuilder().setMacSettingsProfile(profile)
                  .build();
            }))
        .addMethod(pipeline.method(ns, NsMACSettingsProfileRegistryGrpc.getGetMethod(),
            request -> target(request.getMacSettingsProfileIds(), request.getFieldMask()),
            (request, headers) -> {
              rights.checkProfiles(true, application(request.getMacSettingsProfileIds()));
              List<String> paths = permitted(request.getFieldMask());
              return GetMACSettingsProfileResponse.newBuilder().setMacSettingsProfile(
                  MessageMasks.select(found(request.getMacSettingsProfileIds()), List.of("ids"),
                      paths)).build();
            }))
        .addMethod(pipeline.method(ns, NsMACSettingsProfileRegistryGrpc.getUpdateMethod(),
            request -> target(request.getMacSettingsProfileIds(), request.getFieldMask()),
            (request, headers) -> {
              MACSettingsProfileIdentifiers ids = request.getMacSettingsProfileIds();
              rights.checkProfiles(false, application(ids));
              List<String> paths = permitted(request.getFieldMask());
              MACSettingsProfile updated = MessageMasks.apply(found(ids),
                  request.getMacSettingsProfile(), paths).toBuilder().setIds(ids).build();
              store.put(application(ids), ids.getProfileId(), updated);
              return UpdateMACSettingsProfileResponse.newBuilder().setMacSettingsProfile(updated)
                  .build();
            }))
        .addMethod(pipeline.method(ns, NsMACSettingsProfileRegistryGrpc.getDeleteMethod(),
            request -> target(request.getMacSettingsProfileIds(), FieldMask.getDefaultInstance()),
            (request, headers) -> {
              MACSettingsProfileIdentifiers ids = request.getMacSettingsProfileIds();
              rights.checkProfiles(false, application(ids));
              found(ids);
              store.remove(MACSettingsProfile.class, application(ids), ids.getProfileId());
              return DeleteMACSettingsProfileResponse.getDefaultInstance();
            }))
        .addMethod(pipeline.method(ns, NsMACSettingsProfileRegistryGrpc.getListMethod(),
            request -> new Target(request.getApplicationIds().getApplicationId(), "",
                request.getFieldMask().getPathsList()),
            (request, headers) -> {
              String applicationId = request.getApplicationIds().getApplicationId();
              rights.checkProfiles(true, applicationId);
              List<String> paths = permitted(request.getFieldMask());
              List<MACSettingsProfile> all =
                  new ArrayList<>(store.list(MACSettingsProfile.class, applicationId));
              if (request.getOrder().equals("-ids.profile_id")) {
                Collections.reverse(all);
              }
              ListMACSettingsProfilesResponse.Builder page = ListMACSettingsProfilesResponse
                  .newBuilder();
              ListPage.of(all, Math.min(request.getLimit(), MAX_LIMIT), request.getPage(),
                      ListPage.SERVER_DEFAULT, headers).stream()
                  .map(profile -> MessageMasks.select(profile, List.of(), paths))
                  .forEach(page::addMacSettingsProfiles);
              return page.build();
            }))
        .build();
  }

  /** The mask's paths when the NS allows them all; an empty mask stands for the whole profile. */
  private static List<String> permitted(FieldMask mask) {
    if (mask.getPathsCount() == 0) {
      return WHOLE;
    }
    List<Value> forbidden = mask.getPathsList().stream().filter(path -> !ALLOWED.contains(path))
        .map(Values::of).toList();
    if (!forbidden.isEmpty()) {
      throw TtsError.FORBIDDEN_FIELD_MASK_PATHS.toException(
          Map.of("forbidden_paths", Values.of(forbidden)));
    }
    return mask.getPathsList();
  }

  private MACSettingsProfile stored(MACSettingsProfileIdentifiers ids) {
    return store.get(MACSettingsProfile.class, application(ids), ids.getProfileId()).orElse(null);
  }

  private MACSettingsProfile found(MACSettingsProfileIdentifiers ids) {
    MACSettingsProfile profile = stored(ids);
    if (profile == null) {
      throw TtsError.ENTITY_NOT_FOUND.toException(Map.of());
    }
    return profile;
  }

  private static String application(MACSettingsProfileIdentifiers ids) {
    return ids.getApplicationIds().getApplicationId();
  }

  private static Target target(MACSettingsProfileIdentifiers ids, FieldMask mask) {
    return new Target(application(ids), ids.getProfileId(), mask.getPathsList());
  }
}
