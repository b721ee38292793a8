package com.financereport.observability.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.financereport.observability.json.JsonLineEncoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The test JVM has no logback.xml: Logback finds our Configurator through the service loader, as
 * it does in any application that only adds the dependency.
 */
class ZeroConfigurationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Other tests in this JVM may reconfigure the process context or uninstall the JUL bridge; run
   * Logback's own start-up discovery again, exactly as at the first LoggerFactory call.
   */
  @org.junit.jupiter.api.BeforeAll
  static void runLogbackAutoConfiguration() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    org.slf4j.bridge.SLF4JBridgeHandler.uninstall();
    new ch.qos.logback.classic.util.ContextInitializer(context).autoConfig();
  }

  @Test
  void theServiceLoaderHookInstallsTheJsonStdoutAppender() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);

    assertThat(root.getAppender(ObservabilityConfigurator.APPENDER_NAME))
        .isInstanceOfSatisfying(
            StdoutAppender.class,
            appender -> assertThat(appender.getEncoder()).isInstanceOf(JsonLineEncoder.class));
  }

  @Test
  void startupEventNamesTheServiceOnlyInTheDottedResourceFields() {
    // A fresh runtime: the process's own has said its start-up event already, once.
    LoggerContext fresh = new LoggerContext();
    fresh.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
    List<JsonNode> lines =
        captureStdout(
            () ->
                ObservabilityConfigurator.apply(
                    fresh,
                    com.financereport.observability.ObservabilityRuntime.create(
                        com.financereport.observability.settings.ObservabilitySettings.fromEnvironment(
                            java.util.Map.of()))));

    JsonNode event =
        lines.stream()
            .filter(line -> ObservabilityConfigurator.STARTUP_EVENT.equals(line.path("message").asText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no start-up event among " + lines));
    assertThat(event.path("service.name").asText()).isNotEmpty();
    assertThat(event.has("deployment.environment")).isTrue();
    assertThat(event.has("service_name") || event.has("deployment_environment") || event.has("service_version"))
        .as("snake_case copies of the resource in %s", event)
        .isFalse();
  }

  @Test
  void slf4jEventsBecomeOneJsonLineOnStdout() {
    List<JsonNode> lines =
        captureStdout(
            () ->
                LoggerFactory.getLogger("zero.config")
                    .atInfo()
                    .addKeyValue("invoice_id", 77)
                    .log("Invoice sent"));

    assertThat(lines).hasSize(1);
    JsonNode line = lines.get(0);
    assertThat(line.get("message").asText()).isEqualTo("Invoice sent");
    assertThat(line.get("invoice_id").asInt()).isEqualTo(77);
    assertThat(line.get("service.name").asText()).isNotEmpty();
    assertThat(line.has("deployment.environment")).isTrue();
  }

  @Test
  void javaUtilLoggingComesOutInTheSameFormat() {
    List<JsonNode> lines =
        captureStdout(
            () -> java.util.logging.Logger.getLogger("jdk.component").warning("from the JDK"));

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("logger").asText()).isEqualTo("jdk.component");
    assertThat(lines.get(0).get("level").asText()).isEqualTo("WARN");
    assertThat(lines.get(0).get("message").asText()).isEqualTo("from the JDK");
  }

  @Test
  void commonsLoggingComesOutInTheSameFormat() {
    List<JsonNode> lines =
        captureStdout(
            () -> org.apache.commons.logging.LogFactory.getLog("jcl.component").info("from JCL"));

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("logger").asText()).isEqualTo("jcl.component");
  }

  @Test
  void log4jApiCallsComeOutInTheSameFormat() {
    List<JsonNode> lines =
        captureStdout(
            () -> org.apache.logging.log4j.LogManager.getLogger("log4j.component").info("from log4j-api"));

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("message").asText()).isEqualTo("from log4j-api");
  }

  private static List<JsonNode> captureStdout(Runnable action) {
    LoggerFactory.getILoggerFactory(); // initialise before redirecting
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        lines.add(JSON.readTree(line));
      } catch (java.io.IOException e) {
        throw new AssertionError("stdout line is not JSON: " + line, e);
      }
    }
    return lines;
  }
}
