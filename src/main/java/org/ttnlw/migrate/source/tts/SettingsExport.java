package org.ttnlw.migrate.source.tts;

import java.util.List;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.source.ApplicationSettingsSource;
import org.ttnlw.migrate.tts.MaskedCalls;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.TtsConnection;

/** Reads the settings of applications from a TTS deployment, one application at a time. */
public final class SettingsExport implements ApplicationSettingsSource {
  private final RegistryCalls registry;
  private final SettingsReader reader;

  public SettingsExport(TtsConnection source, CallSettings context) {
    this.registry = new RegistryCalls(source, context);
    this.reader = new SettingsReader(new MaskedCalls(registry, "source"), registry);
  }

  /** Everything that moves of the application, without the fields the server assigns. */
  @Override
  public Read read(String applicationId) {
    return new Read(reader.read(applicationId), List.of());
  }

  @Override
  public void close() {
    registry.close();
  }
}
