package com.financereport.backend;

import org.slf4j.LoggerFactory;

/**
 * Keeps Jetty at INFO or quieter even when LOG_LEVEL=DEBUG: Jetty's DEBUG output dumps raw request
 * headers and buffers, which is exactly where Authorization tokens and cookies travel.
 */
final class JettyLogLevel {
  private JettyLogLevel() {}

  static void capAtInfo() {
    if (LoggerFactory.getLogger("org.eclipse.jetty") instanceof ch.qos.logback.classic.Logger jetty
        && !jetty.getEffectiveLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO)) {
      jetty.setLevel(ch.qos.logback.classic.Level.INFO);
    }
  }
}
