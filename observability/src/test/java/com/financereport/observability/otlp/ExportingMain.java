package com.financereport.observability.otlp;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.settings.ObservabilitySettings;
import java.util.HashMap;
import java.util.Map;

/**
 * A service in miniature for the child-JVM tests: installs the export from KEY=VALUE arguments,
 * logs a few lines and returns from main. The test measures how long the JVM takes to exit.
 */
public final class ExportingMain {
  public static void main(String[] args) {
    Map<String, String> environment = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      environment.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
    context.start();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level %logger %msg%n");
    encoder.start();
    ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
    stdout.setContext(context);
    stdout.setEncoder(encoder);
    stdout.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(stdout);

    environment.putIfAbsent("OBSERVABILITY_SPOOL_DIR", ExportFixture.freshSpoolDir());
    OtlpLogExport.install(
        context, ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(environment)));
    Logger log = context.getLogger("app");
    for (int i = 0; i < 3; i++) {
      log.info("line {}", i);
    }
    System.out.println("main returned");
  }
}
