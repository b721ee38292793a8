package com.financereport.observability.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import com.financereport.observability.Observability;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.console.ConsoleLineEncoder;
import com.financereport.observability.internal.LogbackContextSetup;
import com.financereport.observability.json.JsonLineEncoder;
import com.financereport.observability.otlp.OtlpAppender;
import com.financereport.observability.settings.ObservabilitySettings;

/**
 * Logback's service-loader hook: with no logback.xml and no init call, every event becomes one JSON
 * line on stdout (a readable console line with DEBUG=true), and is exported when an endpoint is
 * set. A user's own logback-test.xml, logback.xml or -Dlogback.configurationFile wins: then this
 * steps aside and Logback reads the file. A logback-spring.xml is read by Spring Boot only once
 * the application starts, so until then this configuration applies, and the pipeline it starts is
 * the one the file's appenders join.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public class ObservabilityConfigurator extends ContextAwareBase implements Configurator {
  static final String STARTUP_EVENT = LogbackContextSetup.STARTUP_EVENT;
  static final String APPENDER_NAME = "STDOUT";
  static final String OTLP_APPENDER_NAME = "OTLP";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (UserConfiguration.present(loader)) {
      addInfo("A user Logback configuration is present; leaving the set-up to it.");
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    if (UserConfiguration.springBootFilePresent(loader)) {
      addInfo("logback-spring.xml found: this configuration applies until Spring Boot reads it.");
    }
    // The process's runtime, not a new one: a second configuration must share its pipeline.
    apply(context, Observability.runtime());
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Sets up {@code context} for {@code runtime}: stdout, export when enabled, the JUL bridge and
   * the start-up report. Public for a programmatic set-up; calling it again after a reset reuses
   * the runtime's one pipeline.
   */
  public static void apply(LoggerContext context, ObservabilityRuntime runtime) {
    ObservabilitySettings settings = runtime.settings();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.setLevel(Level.toLevel(settings.rootLevel(), Level.INFO));

    Encoder<ILoggingEvent> encoder =
        settings.debug()
            ? new ConsoleLineEncoder(runtime, System.console() != null)
            : new JsonLineEncoder(runtime);
    encoder.setContext(context);
    encoder.start();

    StdoutAppender stdout = new StdoutAppender();
    stdout.setContext(context);
    stdout.setName(APPENDER_NAME);
    stdout.setEncoder(encoder);
    stdout.start();
    root.addAppender(stdout);

    if (settings.export().enabled()) {
      OtlpAppender otlp = new OtlpAppender(runtime);
      otlp.setContext(context);
      otlp.setName(OTLP_APPENDER_NAME);
      otlp.start();
      root.addAppender(otlp);
    }
    LogbackContextSetup.prepare(context, runtime);
    LogbackContextSetup.report(context, runtime);
  }
}
