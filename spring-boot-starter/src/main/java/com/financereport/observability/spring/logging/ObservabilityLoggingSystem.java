package com.financereport.observability.spring.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.financereport.observability.Observability;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.logback.ObservabilityConfigurator;
import com.financereport.observability.otlp.OtlpAppender;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemFactory;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot's Logback system, with our configuration as its default. Boot resets Logback once
 * its environment is ready; where it would load its own pattern-based defaults, this applies the
 * library's set-up instead (JSON or console line on stdout, JUL bridge, OTLP export), built from
 * the environment and Spring's properties. A logback-spring.xml (or logback.xml, or {@code
 * logging.config}) is still read by Boot itself, with our runtime installed first so that the
 * library's appenders in it use the same settings. {@code logging.structured.format.console} is
 * Boot's own switch and is honoured: Boot writes the console, and the export is added beside it.
 */
public class ObservabilityLoggingSystem extends LogbackLoggingSystem {
  static final String STRUCTURED_CONSOLE_FORMAT = "logging.structured.format.console";
  static final String EXPORT_APPENDER_NAME = "OTLP";

  public ObservabilityLoggingSystem(ClassLoader classLoader) {
    super(classLoader);
  }

  @Override
  protected void loadDefaults(LoggingInitializationContext initializationContext, LogFile logFile) {
    Environment environment = initializationContext.getEnvironment();
    ObservabilityRuntime runtime = install(environment);
    if (environment != null && environment.containsProperty(STRUCTURED_CONSOLE_FORMAT)) {
      super.loadDefaults(initializationContext, logFile);
      attachExport();
      return;
    }
    LoggerContext context = loggerContext();
    context.stop();
    context.reset();
    ObservabilityConfigurator.apply(context, runtime);
    context.start();
  }

  @Override
  protected void loadConfiguration(
      LoggingInitializationContext initializationContext, String location, LogFile logFile) {
    install(initializationContext.getEnvironment());
    super.loadConfiguration(initializationContext, location, logFile);
  }

  /**
   * Boot runs this after every application context has closed: what the application logged while
   * closing is delivered (or spooled) within {@code OBSERVABILITY_SHUTDOWN_TIMEOUT}, then Logback
   * stops.
   */
  @Override
  public Runnable getShutdownHandler() {
    Runnable stopLogback = super.getShutdownHandler();
    // Boot asks for this handler only when it will run it: the library's own JVM hooks would stop
    // export beside it, before the lines the application logs while its context closes.
    Observability.runtime().leaveShutdownToHost();
    return () -> {
      Observability.shutdown();
      stopLogback.run();
    };
  }

  private static ObservabilityRuntime install(Environment environment) {
    ObservabilityRuntime runtime =
        SpringSettings.runtime(
            environment != null ? environment::getProperty : System::getenv);
    Observability.install(runtime);
    return runtime;
  }

  /** Boot's structured console owns stdout; the library's export runs beside it. */
  private void attachExport() {
    LoggerContext context = loggerContext();
    OtlpAppender export = new OtlpAppender();
    export.setContext(context);
    export.setName(EXPORT_APPENDER_NAME);
    export.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(export);
  }

  private static LoggerContext loggerContext() {
    return (LoggerContext) LoggerFactory.getILoggerFactory();
  }

  /** Chosen ahead of Boot's own Logback factory whenever Logback is present. */
  @Order(Ordered.HIGHEST_PRECEDENCE + 1000)
  public static class Factory implements LoggingSystemFactory {
    private static final boolean LOGBACK_PRESENT =
        ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext", Factory.class.getClassLoader());

    @Override
    public LoggingSystem getLoggingSystem(ClassLoader classLoader) {
      return LOGBACK_PRESENT ? new ObservabilityLoggingSystem(classLoader) : null;
    }
  }
}
