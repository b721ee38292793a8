package com.financereport.observability.internal;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.financereport.observability.ObservabilityRuntime;
import java.util.Map;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * What every configuration path gets, whichever of our components it starts first: the JUL bridge,
 * Logback status on stderr only when something is wrong, and the configuration problems and the
 * start-up event said once per process. The zero-code configurator, a user's logback.xml, Spring
 * Boot's logback-spring.xml and a programmatic set-up all come through here: the configurator
 * reports when it is done, our appenders just before the first event they write.
 */
public final class LogbackContextSetup {
  public static final String STARTUP_EVENT = "Observability runtime configured";
  static final String REPORT_LOGGER = "com.financereport.observability";

  private LogbackContextSetup() {}

  /**
   * Prepares {@code context} for {@code runtime}. The report waits for {@link #report}: a context
   * that is still being configured has no appenders to say it with yet.
   */
  public static void prepare(LoggerContext context, ObservabilityRuntime runtime) {
    StderrStatusListener.installIfAbsent(context);
    JulBridge.install(context);
  }

  /** Says the configuration problems and the start-up event, unless this process already did. */
  public static void report(LoggerContext context, ObservabilityRuntime runtime) {
    if (!runtime.claimStartupReport()) {
      return;
    }
    Logger logger = context.getLogger(REPORT_LOGGER);
    for (String warning : runtime.warnings()) {
      logger.warn("Configuration problem: {}", warning);
    }
    for (String error : runtime.settings().errors()) {
      logger.error("Configuration error: {}", error);
    }
    LoggingEventBuilder event = logger.atInfo();
    for (Map.Entry<String, Object> entry : runtime.snapshot().eventMembers().entrySet()) {
      event = event.addKeyValue(entry.getKey(), entry.getValue());
    }
    event.log(STARTUP_EVENT);
  }
}
