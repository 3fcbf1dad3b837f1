package org.ttnlw.migrate.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of a {@code --limit} (a wave's size, an undo's), checked once as it is read: a
 * whole number of devices, 1 or more.
 */
final class LimitConverter implements ITypeConverter<Integer> {
  @Override
  public Integer convert(String value) {
    int limit;
    try {
      limit = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("\"" + value + "\" is not a number of devices");
    }
    if (limit < 1) {
      throw new TypeConversionException(limit + ": give the number of devices to take, 1 or"
          + " more");
    }
    return limit;
  }
}
