package org.ttnlw.migrate.cli;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Defaults from environment variables, the one place the tool reads the
 * environment. A flag on the command line wins over its variables.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
  private final Map<String, String> environment;
  private final Map<ArgSpec, List<String>> variables = new IdentityHashMap<>();

  EnvironmentDefaults(Map<String, String> environment) {
    this.environment = environment;
  }

  /** Makes {@code option} default to the first of {@code names} that is set. */
  void register(ArgSpec option, List<String> names) {
    variables.put(option, names);
  }

  @Override
  public String defaultValue(ArgSpec option) {
    for (String name : variables.getOrDefault(option, List.of())) {
      String value = environment.get(name);
      if (value != null && !value.isEmpty()) {
        return isBoolean(option) ? booleanText(value) : value;
      }
    }
    return null;
  }

  private static boolean isBoolean(ArgSpec option) {
    return option.type() == boolean.class || option.type() == Boolean.class;
  }

  private static String booleanText(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "1", "true", "yes", "on" -> "true";
      case "0", "false", "no", "off" -> "false";
      default -> value;
    };
  }
}
