package org.ttnlw.migrate.target;

import java.util.Set;
import org.ttnlw.migrate.tts.TtsConnectionOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of the TTS deployment devices are migrated into. Offered as {@code --target.NAME},
 * each also read from {@code TARGET_NAME}.
 */
public final class TargetOptions {
  /** The flags also offered without the {@code --target.} prefix: {@code --keep-profiles}. */
  public static final Set<String> ALSO_UNPREFIXED = Set.of("keep-profiles");

  @Option(names = "--app-id", paramLabel = "ID",
      description = "Application in the target that every device is created in. It must exist;"
          + " its ID may differ from the source's.")
  String appId;

  @Mixin
  TtsConnectionOptions connection = new TtsConnectionOptions();

  @Option(names = "--update-existing",
      description = "Overwrite a device that is already in the target application but differs"
          + " from the source. Without it such a device fails, listing the differing fields.")
  boolean updateExisting;

  @Option(names = "--keep-profiles", negatable = true, arity = "0..1", fallbackValue = "true",
      defaultValue = "true", paramLabel = "BOOL",
      description = "Bind a device that is bound to a MAC settings profile in the source to the"
          + " same profile in the target application, where that holds one with the same ID and"
          + " equal settings; otherwise, or with false, the profile's settings go inline."
          + " Off: --no-keep-profiles, or =false."
          + " Default: ${DEFAULT-VALUE}.")
  boolean keepProfiles = true;

  /** The target's connection flags, which gateway commands offer without the device flags. */
  public TtsConnectionOptions connection() {
    return connection;
  }
}
