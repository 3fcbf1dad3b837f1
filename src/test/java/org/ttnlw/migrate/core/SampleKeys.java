package org.ttnlw.migrate.core;

/** Keys of each shape that messages mask, as an operator might paste them anywhere. */
public final class SampleKeys {
  public static final String TTS_KEY = "NNSXS.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGH"
      + ".ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRST";
  public static final String JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJjaGlycHN0YWN"
      + "rIiwiaXNzIjoiY2hpcnBzdGFjayIsInN1YiI6IjEyMyIsInR5cCI6ImtleSJ9.dGhpcy1pcy1hLXNpZ25hdHVyZQ";
  public static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private SampleKeys() {}
}
