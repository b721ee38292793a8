package com.financereport.cli;

import com.financereport.observability.internal.settings.DurationParser;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration option with the project's one parser: 500ms, 10s, 2m (or ISO-8601 PT10S). A bare
 * number is refused; picocli prefixes the message with the option's name.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return DurationParser.parse("the value", value, DurationParser.BareNumber.REJECTED, false);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
