package com.financereport.observability.paths;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import com.financereport.observability.otlp.testing.ReceivedRecord;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way of configuring Logback gives the same guarantees. Each path runs once, in its own JVM
 * against the test receiver; each test checks one guarantee on every path.
 */
class ConfigurationPathTest {
  /** The README's own logback.xml; the Spring Boot case uses it as logback-spring.xml. */
  static final String README_LOGBACK_XML =
      """
      <configuration>
        <appender name="STDOUT" class="com.financereport.observability.logback.StdoutAppender">
          <encoder class="com.financereport.observability.json.JsonLineEncoder"/>
        </appender>
        <appender name="OTLP" class="com.financereport.observability.otlp.OtlpAppender"/>
        <root level="INFO">
          <appender-ref ref="STDOUT"/>
          <appender-ref ref="OTLP"/>
        </root>
      </configuration>
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

  @ParameterizedTest
  @ValueSource(strings = {"zero-code", "logback-xml", "scan-reload", "spring-reinit", "programmatic"})
  void everyStdoutLineIsOneJsonObject(String path) {
    Run run = run(path);
    assertThat(run.stdout()).as("stdout of %s", path).isNotEmpty();
    for (String line : run.stdout()) {
      assertThat(parse(line)).as("%s: stdout line is not a JSON object: %s", path, line).isNotNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"zero-code", "logback-xml", "scan-reload", "spring-reinit", "programmatic"})
  void noSecretReachesStdoutOrStderr(String path) {
    Run run = run(path);
    String out = String.join("\n", run.stdout()) + "\n" + run.stderr();
    ConfigurationPathMain.secrets()
        .forEach((door, secret) -> assertThat(out).as("%s: the %s secret leaked", path, door).doesNotContain(secret));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zero-code", "logback-xml", "scan-reload", "spring-reinit", "programmatic"})
  void noSecretReachesTheCollector(String path) {
    Run run = run(path);
    String wire = String.join("\n", run.records().stream().map(ReceivedRecord::wireText).toList());
    ConfigurationPathMain.secrets()
        .forEach((door, secret) -> assertThat(wire).as("%s: the %s secret was exported", path, door).doesNotContain(secret));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zero-code", "logback-xml", "scan-reload", "spring-reinit", "programmatic"})
  void everyDoorReachesTheCollector(String path) {
    List<String> bodies = run(path).records().stream().map(ReceivedRecord::body).toList();
    assertThat(bodies)
        .as("%s: records the collector received", path)
        .anyMatch(b -> b.startsWith("login with password="))
        .contains("key-value secret", "payment failed", "export threads")
        .anyMatch(b -> b.startsWith("jul call with token="));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zero-code", "logback-xml", "scan-reload", "spring-reinit", "programmatic"})
  void exactlyOnePipelineRuns(String path) {
    JsonNode threads = run(path).line("export threads");
    assertThat(threads.get("batch_threads").asInt()).as("%s: batch processor threads", path).isEqualTo(1);
    assertThat(threads.get("replayer_threads").asInt()).as("%s: spool replayer threads", path).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zero-code", "logback-xml", "scan-reload", "spring-reinit", "programmatic"})
  void aConfigurationProblemIsPrintedOnce(String path) {
    long said =
        run(path).stdout().stream()
            .map(ConfigurationPathTest::parse)
            .filter(line -> line.path("message").asText().startsWith("Configuration problem: OTEL_RESOURCE_ATTRIBUTES"))
            .count();
    assertThat(said).as("%s: lines naming the malformed OTEL_RESOURCE_ATTRIBUTES", path).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zero-code", "logback-xml", "scan-reload", "spring-reinit", "programmatic"})
  void logbackStatusStaysOffStdoutWhenNothingIsWrong(String path) {
    assertThat(run(path).stderr()).as("%s: stderr", path).doesNotContain("logback:").doesNotContain("|-");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zero-code", "logback-xml", "scan-reload", "spring-reinit", "programmatic"})
  void noLoggingCallIsInterceptedWhileSlf4jStarts(String path) {
    // Starting the SDK while a configuration still has Logback's DEBUG default floods the JUL
    // bridge during SLF4J's own initialisation, and SLF4J says so on stderr.
    assertThat(run(path).stderr()).as("%s: stderr", path).doesNotContain("SLF4J(W)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zero-code", "logback-xml", "scan-reload", "spring-reinit", "programmatic"})
  void javaUtilLoggingIsBridgedIntoTheJsonStream(String path) {
    JsonNode jul = run(path).stdout().stream()
        .map(ConfigurationPathTest::parse)
        .filter(line -> line.path("logger").asText().equals("jul.component"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(path + ": the JUL call is not a JSON line on stdout"));
    assertThat(jul.get("level").asText()).isEqualTo("WARN");
  }

  private static Run run(String path) {
    return RUNS.computeIfAbsent(path, ConfigurationPathTest::launch);
  }

  private static Run launch(String path) {
    try (OtlpTestReceiver receiver = OtlpTestReceiver.start()) {
      Path temp = Files.createTempDirectory("config-path-" + path);
      Path resources = Files.createDirectories(temp.resolve("classpath"));
      if (!path.equals("zero-code") && !path.equals("programmatic")) {
        String file = path.equals("spring-reinit") ? "logback-spring.xml" : "logback.xml";
        Files.writeString(resources.resolve(file), README_LOGBACK_XML);
      }
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx256m");
      command.add("-cp");
      command.add(resources + File.pathSeparator + System.getProperty("java.class.path"));
      command.add(ConfigurationPathMain.class.getName());
      command.add(path);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(temp.resolve("stdout").toFile())
              .redirectError(temp.resolve("stderr").toFile());
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(k -> k.startsWith("OTEL_") || k.startsWith("OBSERVABILITY_"));
      env.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint());
      env.put("OTEL_BLRP_SCHEDULE_DELAY", "50");
      env.put("OTEL_RESOURCE_ATTRIBUTES", "team=payments,broken-item");
      env.put("OBSERVABILITY_SPOOL_DIR", temp.resolve("spool").toString());
      Process child = builder.start();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("%s: the child exited", path).isTrue();
      List<ReceivedRecord> records = receiver.awaitRecords(5, Duration.ofSeconds(10));
      return new Run(
          Files.readAllLines(temp.resolve("stdout"), StandardCharsets.UTF_8).stream()
              .filter(l -> !l.isBlank())
              .toList(),
          Files.readString(temp.resolve("stderr"), StandardCharsets.UTF_8),
          List.copyOf(receiver.records()),
          child.exitValue());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  record Run(List<String> stdout, String stderr, List<ReceivedRecord> records, int exitCode) {
    JsonNode line(String message) {
      return stdout.stream()
          .map(ConfigurationPathTest::parse)
          .filter(l -> l != null && message.equals(l.path("message").asText()))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no stdout line with message " + message + " in " + stdout + "\nstderr: " + stderr));
    }
  }
}
