package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.exc.StreamReadException;

/**
 * A value that cannot be converted between TTS JSON and protobuf. The message names the JSON path
 * of the value and what is wrong with it:
 *
 * <pre>{@code ids.dev_eui: expected 8 bytes of hex, got "12"}</pre>
 */
public final class TtsJsonException extends RuntimeException {
  private final String path;
  private final String problem;

  TtsJsonException(String problem) {
    this("", problem, null);
  }

  TtsJsonException(String problem, Throwable cause) {
    this("", problem, cause);
  }

  private TtsJsonException(String path, String problem, Throwable cause) {
    super(path.isEmpty() ? problem : path + ": " + problem, cause);
    this.path = path;
    this.problem = problem;
  }

  /**
   * Where the offending value is, as field names, {@code [index]} for list items and {@code
   * ["key"]} for map entries, e.g. {@code mac_state.recent_uplinks[0].settings}; empty when the
   * problem is the document itself.
   */
  public String path() {
    return path;
  }

  /** What is wrong, without the path. */
  public String problem() {
    return problem;
  }

  /**
   * The problem of a nested value, reported from the enclosing value: a field name, list index or
   * map key goes in front of the path. A malformed document becomes a {@code TtsJsonException}
   * here, so it also gets the path it was found at.
   */
  static TtsJsonException under(String segment, Exception problem) {
    TtsJsonException inner =
        problem instanceof TtsJsonException e ? e : malformed((StreamReadException) problem);
    String path =
        inner.path.isEmpty() || inner.path.startsWith("[")
            ? segment + inner.path
            : segment + "." + inner.path;
    TtsJsonException outer = new TtsJsonException(path, inner.problem, inner.getCause());
    outer.setStackTrace(inner.getStackTrace());
    return outer;
  }

  static TtsJsonException malformed(StreamReadException e) {
    var at = e.getLocation();
    String where =
        at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return new TtsJsonException("malformed JSON: " + e.getOriginalMessage() + where, e);
  }
}
