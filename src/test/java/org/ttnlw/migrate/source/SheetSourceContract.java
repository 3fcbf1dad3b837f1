package org.ttnlw.migrate.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.core.DeviceRef;

/**
 * The contract for a source that only reads a sheet (Wanesy, csv): it lists every device of the
 * sheet, refuses to disable or delete, and leaves the file as it was.
 */
public abstract class SheetSourceContract extends SourceContract {
  @TempDir
  Path folder;
  private Path sheet;
  private byte[] original;

  protected SheetSourceContract() {
    super(Change.REFUSED, Change.REFUSED);
  }

  /** The sheet's bytes, written to a file of its own before each check. */
  protected abstract byte[] sheetBytes() throws IOException;

  @BeforeEach
  void writeSheet() throws IOException {
    original = sheetBytes();
    sheet = folder.resolve("devices.csv");
    Files.write(sheet, original);
  }

  /** The sheet's file, for the source's flags. */
  protected final Path sheet() {
    return sheet;
  }

  @Override
  protected Iterator<DeviceRef> list(Source source) {
    return ((ListsAllSource) source).listAllDevices();
  }

  @Override
  protected String missingId() {
    return "00000000000000FF";
  }

  @Override
  protected boolean isDisabled(DeviceRef device) {
    return fileChanged();
  }

  @Override
  protected boolean isDeleted(DeviceRef device) {
    return fileChanged();
  }

  private boolean fileChanged() {
    try {
      return !Arrays.equals(original, Files.readAllBytes(sheet));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
