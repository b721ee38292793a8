package com.financereport.observability.otlp;

import com.financereport.observability.internal.otlp.OtlpLogExport;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.settings.ObservabilitySettings;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A service in miniature for the child-JVM tests: installs the export from KEY=VALUE arguments,
 * logs records {@code <prefix>-<n>} in a burst and returns from main. The test measures how long
 * the JVM takes to exit after it prints {@code main returned}.
 *
 * <p>Arguments that are not the library's: {@code main.count} (records, default 3), {@code
 * main.prefix} (default {@code line}), {@code main.stay=true} (print {@code LOGGED} and wait
 * until stdin closes before returning). Without OBSERVABILITY_SPOOL_DIR the child spools into a
 * fresh temporary folder, unless {@code main.defaultSpool=true} asks for the library's default.
 */
public final class ExportingMain {
  public static void main(String[] args) throws IOException {
    Map<String, String> environment = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      environment.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    int count = Integer.parseInt(environment.getOrDefault("main.count", "3"));
    String prefix = environment.getOrDefault("main.prefix", "line");
    boolean stay = Boolean.parseBoolean(environment.get("main.stay"));
    if (!Boolean.parseBoolean(environment.get("main.defaultSpool"))) {
      // Run by hand without one: a folder of its own, left for a look afterwards. Never one of
      // ExportFixture's, which are removed when the JVM that made them exits.
      if (!environment.containsKey("OBSERVABILITY_SPOOL_DIR")) {
        environment.put(
            "OBSERVABILITY_SPOOL_DIR",
            java.nio.file.Files.createTempDirectory("otlp-main-spool").toString());
      }
    }
    // The library's default spool base follows the child's real environment (HOME, XDG).
    System.getenv().forEach(
        (key, value) -> {
          if (key.equals("HOME") || key.equals("XDG_CACHE_HOME")) {
            environment.putIfAbsent(key, value);
          }
        });
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
    // The records go to OTLP only: a burst on stdout would only slow the child down.
    Logger log = context.getLogger("app");
    log.setAdditive(false);

    OtlpLogExport export =
        OtlpLogExport.install(
                context, ObservabilityRuntime.create(ObservabilitySettings.fromEnvironment(environment)))
            .orElseThrow();
    log.addAppender(export.appender());
    for (int i = 0; i < count; i++) {
      log.info(prefix + "-" + i);
    }
    if (stay) {
      System.out.println("LOGGED " + count);
      System.out.flush();
      while (System.in.read() >= 0) {
        // Wait for the test to close stdin.
      }
    }
    System.out.println("main returned");
    System.out.flush();
  }
}
