package org.ttnlw.migrate.settings;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ttnlw.migrate.core.Utf8Lines;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.json.TtsJsonException;
import org.ttnlw.migrate.proto.ApplicationSettings;

/**
 * Settings documents as files: TTS JSON, one application per line. They hold credentials
 * (webhook headers, downlink API keys, pub/sub passwords and keys, package tokens), so a file
 * written here is readable by its owner only.
 */
public final class SettingsFile {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private SettingsFile() {}

  /** Opens {@code path} for writing, made readable and writable by its owner only. */
  public static OutputStream create(Path path) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      if (!Files.exists(path)) {
        Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      }
      Files.setPosixFilePermissions(path, OWNER_ONLY);
    }
    return Files.newOutputStream(path, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
  }

  /** Writes one document as one line. */
  public static void write(ApplicationSettings settings, OutputStream out) throws IOException {
    out.write((TtsJson.instance().toJson(settings) + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /**
   * The documents of a file, one per non-blank line.
   *
   * @throws IOException naming the file and line of a line that is not a settings document (not
   *     UTF-8, too long, not TTS JSON)
   */
  public static List<ApplicationSettings> read(Path path) throws IOException {
    List<ApplicationSettings> documents = new ArrayList<>();
    try (Utf8Lines lines = new Utf8Lines(Files.newInputStream(path))) {
      while (lines.hasNext()) {
        Utf8Lines.Line line = lines.next();
        String problem = line.problem();
        if (problem == null && line.text().isBlank()) {
          continue;
        }
        if (problem == null) {
          try {
            documents.add(TtsJson.instance().merge(line.text(), ApplicationSettings.newBuilder())
                .build());
            continue;
          } catch (TtsJsonException e) {
            problem = e.getMessage();
          }
        }
        throw new IOException(path + " line " + line.number() + " is not an application"
            + " settings document: " + problem);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return documents;
  }
}
