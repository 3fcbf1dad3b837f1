package org.ttnlw.migrate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
  static final String TTS_KEY = SampleKeys.TTS_KEY;
  static final String JWT = SampleKeys.JWT;
  static final String AWS_SECRET = SampleKeys.AWS_SECRET;

  @Test
  void everyControlCharacterIsEscapedAndTheRestKept() {
    assertEquals("a\\u001b[2Jb\\u000dc\\u000ad\\u0000e\\u0007f\\u007fg\\u009bh",
        TerminalText.line("a\u001b[2Jb\rc\nd\u0000e\u0007f\u007fg\u009bh"));
    assertEquals("x\\u202ey\\u2066z\\u200f\\u2028\\u2029\\ufffd\\u0009",
        TerminalText.line("x\u202ey\u2066z\u200f\u2028\u2029\ufffd\t"));
    assertEquals("Gerät 7 ✓ 温度 \uD83D\uDE00 \"quoted\" back\\slash",
        TerminalText.line("Gerät 7 ✓ 温度 \uD83D\uDE00 \"quoted\" back\\slash"));
  }

  @Test
  void aTtsKeyIsMaskedKeepingItsFirstCharacters() {
    assertEquals("'NNSXS.ABC...(masked)' is not an int",
        TerminalText.line("'" + TTS_KEY + "' is not an int"));
    assertEquals("--x=NNSXS.TES...(masked)", Secrets.mask("--x=NNSXS.TEST-KEY-DO-NOT-LOG"));
  }

  @Test
  void aJwtAnAwsSecretAndAPrivateKeyAreMasked() {
    assertEquals("token eyJ...(masked) given", Secrets.mask("token " + JWT + " given"));
    assertEquals("AKIAIOSFODNN7EXAMPLE ...(masked)",
        Secrets.mask("AKIAIOSFODNN7EXAMPLE " + AWS_SECRET));
    assertEquals("--region=...(masked).", Secrets.mask("--region=" + AWS_SECRET + "."));
    String pem = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----";
    assertEquals("key: -----BEGIN EC PRIVATE KEY-----...(masked) end",
        Secrets.mask("key: " + pem + " end"));
    assertEquals("-----BEGIN PRIVATE KEY-----...(masked)",
        Secrets.mask("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC"));
  }

  @Test
  void ordinaryTextIsNotMaskedAndAMaskIsNotMaskedAgain() {
    String ordinary = "device eui-70b3d57ed0000001 of my-app (40 of 4000 done), NNSXS.ABC,"
        + " /tmp/a/b, 0123456789abcdef0123456789abcdef01234567, THIRTY-NINE-AND-MORE";
    assertEquals(ordinary, TerminalText.line(ordinary));
    String once = Secrets.mask(TTS_KEY + " " + JWT + " " + AWS_SECRET);
    assertEquals(once, Secrets.mask(once));
    assertFalse(once.contains("ABCDEFGH"), once);
  }
}
