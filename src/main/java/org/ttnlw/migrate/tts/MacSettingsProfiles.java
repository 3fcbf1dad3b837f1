package org.ttnlw.migrate.tts;

import com.google.protobuf.FieldMask;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.GetMACSettingsProfileRequest;
import org.ttnlw.migrate.proto.ListMACSettingsProfilesRequest;
import org.ttnlw.migrate.proto.MACSettingsProfile;
import org.ttnlw.migrate.proto.MACSettingsProfileIdentifiers;
import org.ttnlw.migrate.proto.NsMACSettingsProfileRegistryGrpc;

/**
 * The MAC settings profiles of an application, as the Network Server's
 * {@code NsMACSettingsProfileRegistry} (TTS 3.33.0 and later) lists them: every page, in profile ID
 * order, each profile with its ids and settings only and refused when it carries a field unknown
 * to this tool.
 */
public final class MacSettingsProfiles {
  private static final FieldMask MOVED =
      FieldMask.newBuilder().addPaths("ids").addPaths("mac_settings").build();

  private MacSettingsProfiles() {}

  /** One profile, as the NS holds it now; refused when it carries a field unknown to this tool. */
  public static CompletableFuture<MACSettingsProfile> get(RegistryCalls calls,
      MACSettingsProfileIdentifiers ids, String what) {
    return calls.call(TtsServer.NETWORK_SERVER, NsMACSettingsProfileRegistryGrpc.getGetMethod(),
            GetMACSettingsProfileRequest.newBuilder().setMacSettingsProfileIds(ids)
                .setFieldMask(MOVED).build(), what)
        .thenApply(answer -> {
          UnknownFields.refuse(answer.message().getMacSettingsProfile(), "MAC settings profile "
              + ids.getProfileId() + " of application " + ids.getApplicationIds()
                  .getApplicationId());
          return answer.message().getMacSettingsProfile();
        });
  }

  public static CompletableFuture<List<MACSettingsProfile>> list(RegistryCalls calls,
      String applicationId) {
    String what = "listing the MAC settings profiles of application " + applicationId;
    return PagedList.all(page -> calls.call(TtsServer.NETWORK_SERVER,
            NsMACSettingsProfileRegistryGrpc.getListMethod(),
            ListMACSettingsProfilesRequest.newBuilder()
                .setApplicationIds(ApplicationIdentifiers.newBuilder()
                    .setApplicationId(applicationId))
                .setFieldMask(MOVED)
                .setOrder("ids.profile_id")
                .setLimit(PagedList.PAGE_SIZE)
                .setPage(page)
                .build(),
            what + " (page " + page + ")"),
        answer -> {
          answer.getMacSettingsProfilesList().forEach(profile -> UnknownFields.refuse(profile,
              "MAC settings profile " + profile.getIds().getProfileId() + " of application "
                  + applicationId));
          return answer.getMacSettingsProfilesList();
        },
        what);
  }
}
