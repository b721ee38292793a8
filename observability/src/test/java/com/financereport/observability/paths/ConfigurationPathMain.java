package com.financereport.observability.paths;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.financereport.observability.json.JsonLineEncoder;
import com.financereport.observability.logback.StdoutAppender;
import com.financereport.observability.otlp.OtlpAppender;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * A service in miniature, run in its own JVM, that configures Logback one way (the first
 * argument) and then logs the same secrets through every door: the message, a key-value, JUL and
 * an exception. It ends by logging how many export threads run, and returns from main.
 *
 * <p>Paths: {@code zero-code} (no file), {@code logback-xml} (a logback.xml on the classpath),
 * {@code scan-reload} (that file read again after a reset, as {@code scan} does), {@code
 * spring-reinit} (Spring Boot's sequence: stop, reset, read logback-spring.xml, start), {@code
 * programmatic} (appenders built in code after a reset).
 */
public final class ConfigurationPathMain {
  static final String BATCH_THREAD = "BatchLogRecordProcessor";
  static final String REPLAYER_THREAD = "observability-spool-replayer";

  private ConfigurationPathMain() {}

  public static void main(String[] args) throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LoggerFactory.getLogger("app.start").info("first line, before any re-configuration");
    switch (args[0]) {
      case "zero-code", "logback-xml" -> {}
      case "scan-reload" -> {
        context.reset();
        read(context, ConfigurationPathMain.class.getResource("/logback.xml"));
      }
      case "spring-reinit" -> {
        context.stop();
        context.reset();
        read(context, ConfigurationPathMain.class.getResource("/logback-spring.xml"));
        context.start();
      }
      case "programmatic" -> {
        context.reset();
        configureInCode(context);
      }
      default -> throw new IllegalArgumentException("unknown path " + args[0]);
    }
    org.slf4j.Logger log = LoggerFactory.getLogger("app.ledger");
    log.info("login with password=hunter2 for alice@example.com");
    log.atInfo().addKeyValue("api_key", "kv-secret-4471").log("key-value secret");
    java.util.logging.Logger.getLogger("jul.component").warning("jul call with token=jul-secret-9912");
    log.error("payment failed", new IllegalStateException("Authorization: Bearer exc-secret-5521"));
    log.atInfo()
        .addKeyValue("batch_threads", threadsNamed(BATCH_THREAD))
        .addKeyValue("replayer_threads", threadsNamed(REPLAYER_THREAD))
        .log("export threads");
  }

  private static void read(LoggerContext context, URL file) throws Exception {
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(file);
  }

  private static void configureInCode(LoggerContext context) {
    JsonLineEncoder encoder = new JsonLineEncoder();
    encoder.setContext(context);
    encoder.start();
    StdoutAppender stdout = new StdoutAppender();
    stdout.setContext(context);
    stdout.setEncoder(encoder);
    stdout.start();
    OtlpAppender otlp = new OtlpAppender();
    otlp.setContext(context);
    otlp.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(stdout);
    root.addAppender(otlp);
  }

  private static long threadsNamed(String prefix) {
    Set<Thread> threads = Thread.getAllStackTraces().keySet();
    return threads.stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
  }

  /** For the test's failure messages. */
  static Map<String, String> secrets() {
    return Map.of(
        "message", "hunter2",
        "e-mail", "alice@example.com",
        "key-value", "kv-secret-4471",
        "JUL", "jul-secret-9912",
        "exception", "exc-secret-5521");
  }
}
