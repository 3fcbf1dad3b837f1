package org.ttnlw.migrate.source;

import java.util.List;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.ApplicationSettings;

/**
 * The application-level settings of a source (name, description, integrations ...) in TTS's
 * model, read one application at a time. Nothing is changed at the source.
 */
public interface ApplicationSettingsSource extends AutoCloseable {

  /**
   * What one application holds, as TTS is to hold it.
   *
   * @param notMigrated one line per setting that has no TTS counterpart and so is not in {@code
   *     settings}, saying what it is; never a secret value
   */
  record Read(ApplicationSettings settings, List<String> notMigrated) {}

  /**
   * Reads every setting of the application that moves, and names those that do not.
   *
   * @throws MigrationException naming the application and the cause when it cannot be read
   *     completely; nothing of it is to be written then
   */
  Read read(String applicationId);

  @Override
  void close();
}
