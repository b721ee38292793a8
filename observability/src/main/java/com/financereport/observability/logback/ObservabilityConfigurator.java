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
import com.financereport.observability.json.JsonLineEncoder;
import com.financereport.observability.otlp.OtlpLogExport;
import com.financereport.observability.settings.ObservabilitySettings;
import java.util.Map;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Logback's service-loader hook: with no logback.xml and no init call, every event becomes one JSON
 * line on stdout (a readable console line with DEBUG=true). A user's own logback-test.xml,
 * logback.xml or -Dlogback.configurationFile wins: then this steps aside and Logback reads the file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public class ObservabilityConfigurator extends ContextAwareBase implements Configurator {
  static final String STARTUP_EVENT = "Observability runtime configured";
  static final String APPENDER_NAME = "STDOUT";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (UserConfiguration.present(Thread.currentThread().getContextClassLoader())) {
      addInfo("A user Logback configuration is present; leaving the set-up to it.");
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    ObservabilityRuntime runtime =
        ObservabilityRuntime.create(ObservabilitySettings.fromSystemEnvironment());
    Observability.install(runtime);
    apply(context, runtime);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Sets up {@code context} for {@code runtime}; public so tests and embedders can do it by hand. */
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

    JulBridge.install(context);
    // Export exists only when an endpoint is set; otherwise this creates nothing.
    OtlpLogExport.install(context, runtime);
    reportConfiguration(context, runtime);
  }

  private static void reportConfiguration(LoggerContext context, ObservabilityRuntime runtime) {
    Logger logger = context.getLogger("com.financereport.observability");
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
