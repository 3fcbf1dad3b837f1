package org.ttnlw.migrate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version, commit and build date Maven recorded, from a filtered resource. */
final class VersionProvider implements IVersionProvider {
  static String version() {
    Properties properties = recorded();
    return "ttn-lw-migrate " + properties.getProperty("version", "unknown") + " (commit "
        + properties.getProperty("commit", "unknown") + ", built "
        + properties.getProperty("built", "unknown") + ")";
  }

  private static Properties recorded() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      properties.clear();
    }
    properties.values().removeIf(value -> value.toString().startsWith("${"));
    return properties;
  }

  @Override
  public String[] getVersion() {
    return new String[] {version()};
  }
}
