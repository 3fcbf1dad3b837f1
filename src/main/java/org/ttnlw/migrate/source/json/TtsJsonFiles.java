package org.ttnlw.migrate.source.json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceConfigException;
import org.ttnlw.migrate.source.SourceException;

/**
 * Devices in TTS JSON, as this tool, the Go migration tool or {@code ttn-lw-cli end-devices get}
 * write them, read from files one after another (or stdin), for {@code import}. A record that is
 * not a device fails on its own, naming its file and line; the others still go in. Nothing is
 * ever changed here.
 */
public final class TtsJsonFiles implements Source {
  private static final Logger log = LoggerFactory.getLogger(TtsJsonFiles.class);
  private final List<Path> files;
  private final InputStream stdin;
  private final Map<DeviceRef, CompletableFuture<EndDevice>> read = new ConcurrentHashMap<>();
  private final Set<DeviceRef> seen = new HashSet<>();
  private int malformed;
  private BufferedReader open;

  /** @param files read in order; with none, stdin is read */
  public TtsJsonFiles(List<Path> files, InputStream stdin) {
    for (Path file : files) {
      if (!Files.isReadable(file)) {
        throw new SourceConfigException("cannot read " + file + (Files.exists(file) ? "" : ": no"
            + " such file"));
      }
    }
    this.files = List.copyOf(files);
    this.stdin = stdin;
  }

  /** The devices of every file, in order; a record that is not a device stands for its error. */
  public Iterator<DeviceRef> devices() {
    Iterator<Path> remaining = files.iterator();
    return new Iterator<>() {
      private String name = files.isEmpty() ? "stdin" : null;
      private Iterator<JsonRecords.Record> records = files.isEmpty()
          ? new JsonRecords(reader(stdin)) : Collections.emptyIterator();

      private DeviceRef next;

      @Override
      public boolean hasNext() {
        while (next == null && hasNextRecord()) {
          DeviceRef ref = parse(name, records.next());
          if (ref != null) {
            next = ref;
          }
        }
        return next != null;
      }

      private boolean hasNextRecord() {
        while (!records.hasNext() && remaining.hasNext()) {
          Path file = remaining.next();
          name = file.toString();
          try {
            closeOpenFile();
            open = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            records = new JsonRecords(open);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
          }
        }
        return records.hasNext();
      }

      @Override
      public DeviceRef next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        DeviceRef current = next;
        next = null;
        return current;
      }
    };
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
  }

  /** The record's device, or null for a device given before (skipped with a warning). */
  private DeviceRef parse(String file, JsonRecords.Record record) {
    String where = file + " line " + record.line();
    try {
      if (!record.text().startsWith("{")) {
        throw new SourceException("not a JSON object: " + shortened(record.text()));
      }
      EndDevice device = TtsJson.instance().merge(record.text(), EndDevice.newBuilder()).build();
      if (device.getIds().getDeviceId().isEmpty()) {
        throw new SourceException("the device has no ids.device_id");
      }
      DeviceRef ref = DeviceRef.of(device.getIds());
      if (!seen.add(ref)) {
        log.warn("{}: device {} was given before; importing it once", where, ref);
        return null;
      }
      read.put(ref, CompletableFuture.completedFuture(device));
      return ref;
    } catch (RuntimeException e) {
      DeviceRef ref = new DeviceRef(file, "line-" + record.line() + "-" + ++malformed);
      read.put(ref, CompletableFuture.failedFuture(
          new SourceException(where + ": not a TTS device: " + e.getMessage(), e)));
      return ref;
    }
  }

  private static String shortened(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }

  @Override
  public DeviceRef resolve(String deviceId) {
    throw new UnsupportedOperationException("import reads devices, not device IDs");
  }

  @Override
  public Iterator<DeviceRef> listDevices(String applicationId) {
    throw new UnsupportedOperationException("import reads devices, not applications");
  }

  @Override
  public CompletableFuture<EndDevice> fetch(DeviceRef device) {
    return read.remove(device);
  }

  @Override
  public CompletableFuture<Void> disable(DeviceRef device) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> delete(DeviceRef device) {
    return CompletableFuture.completedFuture(null);
  }

  private void closeOpenFile() throws IOException {
    if (open != null) {
      open.close();
      open = null;
    }
  }

  @Override
  public void close() {
    try {
      closeOpenFile();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
