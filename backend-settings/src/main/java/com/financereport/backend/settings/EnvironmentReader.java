package com.financereport.backend.settings;

import com.financereport.observability.internal.settings.DurationParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of the backend's own variables. Unlike the library (which falls back and warns), a
 * malformed backend value is an error: a service with a wrong port or timeout must not start. Each
 * error names the variable; values are quoted only for keys that can never hold a secret.
 */
final class EnvironmentReader {
  private static final Duration MAX_DURATION = Duration.ofDays(1);

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

  /**
   * A positive duration up to one day, with its unit ({@link DurationParser}): 2s, 500ms, 1m. A
   * bare number is refused, since these timeouts once read it as seconds and the library reads it
   * as milliseconds.
   */
  Duration duration(String key, Duration fallback) {
    String value = text(key);
    if (value == null) {
      return fallback;
    }
    try {
      Duration parsed = DurationParser.parse(key, value, DurationParser.BareNumber.REJECTED, false);
      if (parsed.compareTo(MAX_DURATION) <= 0) {
        return parsed;
      }
      error(key + " must be at most one day (got \"" + value + "\")");
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
    }
    return fallback;
  }
}
