package org.ttnlw.migrate.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ttnlw.migrate.core.OwnerOnlyFiles;

/**
 * The LNS API keys a run created on the target, one JSON line per gateway ({@code gateway_id},
 * {@code eui}, {@code lns_uri}, {@code key}), in a file only its owner may read: the one place a
 * key's text is written. Read again on a re-run, so a gateway gets one key however often the
 * command runs.
 */
public final class KeysFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private final Map<String, String> keys = new HashMap<>();

  public KeysFile(Path path) {
    this.path = path;
    if (Files.exists(path)) {
      try {
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            JsonNode entry = JSON.readTree(line);
            keys.put(entry.path("gateway_id").asText(), entry.path("key").asText());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the keys file " + path, e);
      }
    }
  }

  public Path path() {
    return path;
  }

  public synchronized boolean hasKeys() {
    return !keys.isEmpty();
  }

  public synchronized Optional<String> key(String gatewayId) {
    return Optional.ofNullable(keys.get(gatewayId));
  }

  /** Appends the gateway's key, synced before this returns; the file is created owner-only. */
  public synchronized void add(String gatewayId, String eui, String lnsUri, String key)
      throws IOException {
    ObjectNode entry = JSON.createObjectNode();
    entry.put("gateway_id", gatewayId);
    entry.put("eui", eui);
    entry.put("lns_uri", lnsUri);
    entry.put("key", key);
    byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel = OwnerOnlyFiles.append(path)) {
      ByteBuffer bytes = ByteBuffer.wrap(line);
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    }
    keys.put(gatewayId, key);
  }
}
