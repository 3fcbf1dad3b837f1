package org.ttnlw.migrate.source.awsiot;

/** A device profile member holds a value this tool cannot convert faithfully. */
final class ProfileValueException extends IllegalArgumentException {
  ProfileValueException(String member, long value, String why) {
    super("device profile member " + member + " = " + value + " " + why);
  }
}
