package com.financereport.backend.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of the backend's own variables. Unlike the library (which falls back and warns), a
 * malformed backend value is an error: a service with a wrong port or timeout must not start. Each
 * error names the variable; values are quoted only for keys that can never hold a secret.
 */
final class EnvironmentReader {
  // A plain number is seconds: these are operator-facing timeouts, written like "30" or "0.5".
  private static final Pattern DURATION =
      Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?$", Pattern.CASE_INSENSITIVE);

  private final Map<String, String> env;
  private final List<String> errors;

  EnvironmentReader(Map<String, String> env, List<String> errors) {
    this.env = env;
    this.errors = errors;
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

  void error(String message) {
    errors.add(message);
  }

  int errorCount() {
    return errors.size();
  }

  /** A TCP port; 0 asks the operating system for a free one. */
  int port(String key, int fallback) {
    String value = text(key);
    if (value == null) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    error(key + " must be a whole number from 0 to 65535 (got \"" + value + "\")");
    return fallback;
  }

  /** A positive duration: 2s, 500ms, 1m, or a plain number of seconds (decimals allowed). */
  Duration duration(String key, Duration fallback) {
    String value = text(key);
    if (value == null) {
      return fallback;
    }
    Matcher m = DURATION.matcher(value);
    if (m.matches()) {
      String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
      BigDecimal amount = new BigDecimal(m.group(1));
      BigDecimal millis =
          switch (unit) {
            case "ms" -> amount;
            case "m" -> amount.multiply(BigDecimal.valueOf(60_000));
            default -> amount.multiply(BigDecimal.valueOf(1_000));
          };
      if (millis.signum() > 0 && millis.compareTo(BigDecimal.valueOf(86_400_000L)) <= 0) {
        return Duration.ofMillis(Math.max(1, millis.longValue()));
      }
    }
    error(
        key
            + " must be a positive duration up to one day, such as 2s, 500ms, 1m or 30 (seconds) (got \""
            + value
            + "\")");
    return fallback;
  }
}
