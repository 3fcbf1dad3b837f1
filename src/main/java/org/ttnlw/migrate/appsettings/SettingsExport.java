package org.ttnlw.migrate.appsettings;

import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.source.SourceContext;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.TtsConnection;

/** Reads the settings of applications from a TTS deployment, one application at a time. */
public final class SettingsExport implements AutoCloseable {
  private final RegistryCalls registry;
  private final SettingsReader reader;

  public SettingsExport(TtsConnection source, SourceContext context) {
    this.registry = new RegistryCalls(source, context);
    this.reader = new SettingsReader(new MaskedCalls(registry, "source"));
  }

  /** Everything that moves of the application, without the fields the server assigns. */
  public ApplicationSettings read(String applicationId) {
    return reader.read(applicationId);
  }

  @Override
  public void close() {
    registry.close();
  }
}
