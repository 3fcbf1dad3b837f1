package org.ttnlw.migrate.calls;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The key file and CA file flags, worded alike for every source reached with an API key. Mixed
 * into a source's options next to its own key flag and TLS switch, which each source names and
 * describes in its own words; {@link Credentials#from} checks the four together.
 */
public final class KeyFileAndCaOptions {
  @Option(names = "--api-key-file", paramLabel = "FILE",
      description = "File holding the API key (surrounding white space ignored). Used when"
          + " --api-key is not given.")
  Path apiKeyFile;

  @Option(names = {"--ca-file", "--ca-cert-path"}, paramLabel = "FILE",
      description = "PEM file of CA certificates to trust in addition to the system trust store.")
  Path caFile;

  /** Whether a CA file is given, for a source whose plaintext switch excludes one. */
  public boolean hasCaFile() {
    return caFile != null;
  }
}
