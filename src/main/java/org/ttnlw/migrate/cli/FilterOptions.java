package org.ttnlw.migrate.cli;

import java.util.ArrayList;
import java.util.List;
import org.ttnlw.migrate.source.DeviceFilter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --select}: for the commands that take devices from a list they read. */
final class FilterOptions {
  @Option(names = "--select", paramLabel = "FILTER", converter = FilterConverter.class,
      description = "Take only the listed devices that match (repeatable: all must match),"
          + " judged on what the source's device list holds (import: each record), before anything"
          + " is read or changed: "
          + DeviceFilter.FORMS + ". A source that cannot judge a filter refuses it.")
  List<DeviceFilter> filters = new ArrayList<>();

  /** Reads one {@code --select} value into its filter. */
  static final class FilterConverter implements ITypeConverter<DeviceFilter> {
    @Override
    public DeviceFilter convert(String value) {
      try {
        return DeviceFilter.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
