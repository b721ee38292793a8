package com.financereport.observability.settings;

import com.financereport.observability.internal.settings.DurationParser;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of environment values. A malformed value falls back to its default and leaves one
 * warning that names the variable and says what was expected; it never throws.
 */
final class EnvironmentValues {
  private static final Pattern SIZE =
      Pattern.compile("^\\s*(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\\s*$", Pattern.CASE_INSENSITIVE);
  private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  private final Map<String, String> env;
  private final List<String> warnings;

  EnvironmentValues(Map<String, String> env, List<String> warnings) {
    this.env = env;
    this.warnings = warnings;
  }

  /** The trimmed value, or null when unset or blank. */
  String text(String key) {
    String value = env.get(key);
    if (value == null) {
      return null;
    }
    value = value.trim();
    return value.isEmpty() ? null : value;
  }

  String text(String key, String fallback) {
    String value = text(key);
    return value == null ? fallback : value;
  }

  boolean bool(String key, boolean fallback) {
    String value = text(key);
    if (value == null) {
      return fallback;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        warnings.add(key + " must be true or false; using " + fallback);
        return fallback;
    }
  }

  int positiveInt(String key, int fallback) {
    return positiveInt(key, fallback, Integer.MAX_VALUE);
  }

  /** A whole number from 1 to {@code max}. */
  int positiveInt(String key, int fallback, int max) {
    String value = text(key);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed > 0 && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    warnings.add(
        key
            + (max == Integer.MAX_VALUE
                ? " must be a positive whole number"
                : " must be a whole number from 1 to " + max)
            + "; using "
            + fallback);
    return fallback;
  }

  /** A positive duration ({@link DurationParser}); a bare number is milliseconds, as in the OTel spec. */
  Duration duration(String key, Duration fallback) {
    return duration(key, fallback, false);
  }

  /** As {@link #duration(String, Duration)}, where 0 is allowed and means "off". */
  Duration durationOrOff(String key, Duration fallback) {
    return duration(key, fallback, true);
  }

  private Duration duration(String key, Duration fallback, boolean zeroAllowed) {
    String value = text(key);
    if (value == null) {
      return fallback;
    }
    try {
      return DurationParser.parse(key, value, DurationParser.BareNumber.MILLISECONDS, zeroAllowed);
    } catch (IllegalArgumentException e) {
      warnings.add(e.getMessage() + "; using " + fallback);
      return fallback;
    }
  }

  /** A byte count: plain bytes, or a number with KiB, MiB or GiB (KB/MB/GB are read as binary too). */
  long bytes(String key, long fallback) {
    return withUnit(
        key,
        fallback,
        SIZE,
        "b",
        (amount, unit) ->
            Math.multiplyExact(
                amount,
                switch (unit.charAt(0)) {
                  case 'k' -> 1L << 10;
                  case 'm' -> 1L << 20;
                  case 'g' -> 1L << 30;
                  default -> 1L;
                }),
        n -> n > 0,
        "a positive size such as 65536, 64KiB or 256MiB");
  }

  /** Parses "number[unit]"; anything unparsable, overflowing or rejected by {@code valid} warns. */
  private <T> T withUnit(
      String key,
      T fallback,
      Pattern shape,
      String defaultUnit,
      java.util.function.BiFunction<Long, String, T> convert,
      java.util.function.Predicate<T> valid,
      String expected) {
    String value = text(key);
    if (value == null) {
      return fallback;
    }
    Matcher m = shape.matcher(value);
    if (m.matches()) {
      try {
        String unit = m.group(2) == null ? defaultUnit : m.group(2).toLowerCase(Locale.ROOT);
        T parsed = convert.apply(Long.parseLong(m.group(1)), unit);
        if (valid.test(parsed)) {
          return parsed;
        }
      } catch (NumberFormatException | ArithmeticException ignored) {
        // reported below
      }
    }
    warnings.add(key + " must be " + expected + "; using " + fallback);
    return fallback;
  }

  /** A Logback level name; null input gives the fallback. */
  String level(String key, String fallback) {
    String value = text(key);
    if (value == null) {
      return fallback;
    }
    String upper = value.toUpperCase(Locale.ROOT);
    if ("WARNING".equals(upper)) {
      return "WARN";
    }
    if (LEVELS.contains(upper)) {
      return upper;
    }
    warnings.add(key + " must be one of " + String.join(", ", LEVELS) + "; using " + fallback);
    return fallback;
  }

  /** A comma-separated list, trimmed, empties dropped. */
  List<String> list(String key) {
    String value = text(key);
    if (value == null) {
      return List.of();
    }
    return java.util.Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
