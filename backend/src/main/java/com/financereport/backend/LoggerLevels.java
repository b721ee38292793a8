package com.financereport.backend;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/** Caps chatty or risky dependencies' loggers, whatever LOG_LEVEL says. */
public final class LoggerLevels {
  private LoggerLevels() {}

  /**
   * Keeps Jetty at INFO or quieter even when LOG_LEVEL=DEBUG: Jetty's DEBUG output dumps raw
   * request headers and buffers, which is exactly where Authorization tokens and cookies travel.
   */
  static void capJettyAtInfo() {
    capAt("org.eclipse.jetty", Level.INFO);
  }

  /** Sets {@code logger} to {@code level} when it would log below it; nothing outside Logback. */
  public static void capAt(String logger, Level level) {
    if (LoggerFactory.getLogger(logger) instanceof ch.qos.logback.classic.Logger capped
        && !capped.getEffectiveLevel().isGreaterOrEqual(level)) {
      capped.setLevel(level);
    }
  }
}
