package org.ttnlw.migrate.core;

import java.util.regex.Pattern;

/** TTS's rules for application and device IDs. */
public final class DeviceIds {
  public static final int MAX_LENGTH = 36;
  private static final Pattern ID = Pattern.compile("^[a-z0-9](?:-?[a-z0-9]){2,}$");
  private static final Pattern PREFIX = Pattern.compile("^[a-z0-9](?:-?[a-z0-9])*$");

  /** TTS's IDs as the command line takes them, for sources that name devices by TTS IDs. */
  public static final IdSyntax SYNTAX = DeviceIds::problem;

  private DeviceIds() {}

  /** Why TTS would refuse {@code id}, or null when it is a valid ID. */
  public static String problem(String id) {
    if (id.length() > MAX_LENGTH) {
      return "it is " + id.length() + " characters long; TTS allows at most " + MAX_LENGTH;
    }
    if (!ID.matcher(id).matches()) {
      return "TTS IDs are 3 to 36 lower-case letters, digits and single dashes, starting and"
          + " ending with a letter or digit";
    }
    return null;
  }

  /** Why {@code prefix} cannot start device IDs, or null when it can. */
  public static String prefixProblem(String prefix) {
    if (!PREFIX.matcher(prefix).matches()) {
      return "a prefix is lower-case letters, digits and single dashes, starting and ending with a"
          + " letter or digit";
    }
    return null;
  }
}
