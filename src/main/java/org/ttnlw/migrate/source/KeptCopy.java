package org.ttnlw.migrate.source;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.ttnlw.migrate.core.MigrationException;

/**
 * A device as the source held it before a run deleted it, kept in the journal for {@code undo}:
 * its protobuf bytes, deflated, in base64, so that it is one line without tabs and the journal of
 * 50,000 devices stays small enough to read into memory.
 */
public final class KeptCopy {
  private KeptCopy() {}

  public static String encode(byte[] bytes) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(bytes);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    byte[] chunk = new byte[4096];
    while (!deflater.finished()) {
      out.write(chunk, 0, deflater.deflate(chunk));
    }
    deflater.end();
    return Base64.getEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  /** @throws MigrationException naming {@code what} when the text is not a copy */
  public static byte[] decode(String text, String what) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(Base64.getDecoder().decode(text));
      ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2);
      byte[] chunk = new byte[4096];
      while (!inflater.finished()) {
        int inflated = inflater.inflate(chunk);
        if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("cut short");
        }
        out.write(chunk, 0, inflated);
      }
      return out.toByteArray();
    } catch (IllegalArgumentException | DataFormatException e) {
      throw new MigrationException(what + ": the journal's copy of it is damaged ("
          + e.getMessage() + "); re-create it at the source by hand");
    } finally {
      inflater.end();
    }
  }
}
