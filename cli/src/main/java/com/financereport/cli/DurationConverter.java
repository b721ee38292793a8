package com.financereport.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations the way people write them: 500ms, 10s, 2m (or ISO-8601 PT10S). */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    String text = value.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (text.startsWith("pt")) {
        return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
      }
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      return switch (text.charAt(text.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> throw new TypeConversionException("use 500ms, 10s, 2m or 1h: " + value);
      };
    } catch (RuntimeException e) {
      if (e instanceof TypeConversionException) {
        throw e;
      }
      throw new TypeConversionException("use 500ms, 10s, 2m or 1h: " + value);
    }
  }
}
