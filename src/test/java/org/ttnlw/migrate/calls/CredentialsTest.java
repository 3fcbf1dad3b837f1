package org.ttnlw.migrate.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.core.ConfigException;
import picocli.CommandLine;

class CredentialsTest {
  @TempDir
  Path folder;

  private static KeyFileAndCaOptions parsed(String... args) {
    KeyFileAndCaOptions files = new KeyFileAndCaOptions();
    new CommandLine(files).parseArgs(args);
    return files;
  }

  private static Credentials from(KeyFileAndCaOptions files, String apiKey, boolean plaintext) {
    return Credentials.from(files, apiKey, plaintext, "Test API key", "no Test API key");
  }

  @Test
  void theKeyFlagWinsOverTheKeyFile() throws Exception {
    Path keyFile = Files.writeString(folder.resolve("key"), " from-the-file\n");

    assertEquals("from-the-flag", from(parsed("--api-key-file", keyFile.toString()),
        "from-the-flag", false).apiKey());
    assertEquals("from-the-file", from(parsed("--api-key-file", keyFile.toString()), null,
        false).apiKey());
  }

  @Test
  void messagesNameTheSourcesKey() {
    assertEquals("no Test API key",
        assertThrows(ConfigException.class, () -> from(parsed(), null, false)).getMessage());
    Path missing = folder.resolve("missing");
    assertTrue(assertThrows(ConfigException.class,
            () -> from(parsed("--api-key-file", missing.toString()), null, false))
        .getMessage().startsWith("cannot read the Test API key file " + missing));
  }

  @Test
  void theCaFileIsReadOnlyWithTls() {
    Path notPem = folder.resolve("not-pem");
    KeyFileAndCaOptions files = parsed("--ca-cert-path", notPem.toString());

    assertTrue(files.hasCaFile());
    assertTrue(from(files, "key", true).trust().plaintext());
    assertEquals("cannot use the CA file " + notPem + ": file does not exist or is not readable",
        assertThrows(ConfigException.class, () -> from(files, "key", false)).getMessage());
    assertFalse(from(parsed(), "key", false).trust().plaintext());
  }

  @Test
  void theKeyStaysOutOfTheText() {
    assertFalse(from(parsed(), "secret-key-text", false).toString().contains("secret-key-text"));
  }
}
