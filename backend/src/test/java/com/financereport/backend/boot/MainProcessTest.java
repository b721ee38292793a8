package com.financereport.backend.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.financereport.backend.support.Ports;
import com.financereport.backend.support.TestEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real entry point in a child JVM with a clean environment: exit codes and start-up as an
 * operator sees them.
 */
class MainProcessTest {
  @TempDir Path output;

  private Process launch(Map<String, String> env) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    builder.environment().clear();
    // The spool, should the child start one, stays in this test's directory.
    builder.environment().put("OBSERVABILITY_SPOOL_DIR", output.resolve("spool").toString());
    builder.environment().putAll(env);
    builder.redirectOutput(output.resolve("stdout.txt").toFile());
    builder.redirectError(output.resolve("stderr.txt").toFile());
    return builder.start();
  }

  private String stderr() throws IOException {
    return Files.readString(output.resolve("stderr.txt"), StandardCharsets.UTF_8);
  }

  private static int exitCode(Process process) throws InterruptedException {
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("process exited").isTrue();
    return process.exitValue();
  }

  @Test
  void invalidConfigurationExitsWith2() throws Exception {
    Process process = launch(Map.of("PORT", "eighty"));

    assertThat(exitCode(process)).isEqualTo(2);
    assertThat(stderr()).contains("finance-report-backend: configuration error: PORT must be a whole number");
  }

  @Test
  void theBackendNamesItselfWhenTheDeployDoesNot() throws Exception {
    Process process = launch(Map.of("PORT", "eighty"));
    exitCode(process);

    assertThat(serviceNamesOnStdout()).containsOnly("finance-report-backend");
  }

  @Test
  void aServiceNameFromTheDeployWinsOverTheBackendsOwn() throws Exception {
    Process process = launch(Map.of("PORT", "eighty", "OTEL_SERVICE_NAME", "billing-api"));
    exitCode(process);

    assertThat(serviceNamesOnStdout()).containsOnly("billing-api");
  }

  @Test
  void aServiceNameInTheResourceAttributesWinsOverTheBackendsOwn() throws Exception {
    Process process =
        launch(Map.of("PORT", "eighty", "OTEL_RESOURCE_ATTRIBUTES", "service.name=ledger"));
    exitCode(process);

    assertThat(serviceNamesOnStdout()).containsOnly("ledger");
  }

  private List<String> serviceNamesOnStdout() throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    List<String> names = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(output.resolve("stdout.txt"), StandardCharsets.UTF_8)) {
      names.add(json.readTree(line).path("service.name").asText());
    }
    assertThat(names).as("JSON lines on stdout").isNotEmpty();
    return names;
  }

  @Test
  void missingPostgresExitsWith1() throws Exception {
    Process process =
        launch(
            Map.of(
                "PORT", "0",
                "DATABASE_URL", "postgres://postgres@127.0.0.1:" + Ports.dead() + "/test",
                "DATABASE_STARTUP_TIMEOUT", "1s"));

    assertThat(exitCode(process)).isEqualTo(1);
    assertThat(stderr()).contains("DATABASE_URL: PostgreSQL at 127.0.0.1");
  }

  private String stdout() throws IOException {
    return Files.readString(output.resolve("stdout.txt"), StandardCharsets.UTF_8);
  }

  @Test
  void withNothingConfiguredTheDatabaseIsAnEmbeddedPostgres() throws Exception {
    int port = Ports.dead();
    Process process = launch(Map.of("PORT", String.valueOf(port)));
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .ignoreExceptions()
          .until(() -> healthJson(port).path("checks").path("database").path("status").asText().equals("up"));
      assertThat(stdout()).contains("DATABASE_URL is unset: using an embedded PostgreSQL");
    } finally {
      stop(process);
    }
  }

  private static HttpResponse<String> health(int port) throws Exception {
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    return HttpClient.newHttpClient().send(health, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode healthJson(int port) throws Exception {
    return new ObjectMapper().readTree(health(port).body());
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    process.waitFor(20, TimeUnit.SECONDS);
    process.destroyForcibly();
  }

  @Test
  void startWithAnEndpointAndASpoolFromAnEarlierRunPrintsNoSlf4jReplayWarning() throws Exception {
    // The spool reports what an earlier run left while Logback is still being configured: that
    // report used to go through SLF4J's factory, which queues it and warns on stderr.
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", TestEnvironment.databaseUrl());
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + Ports.dead());
    env.put("OTEL_BLRP_SCHEDULE_DELAY", "100");
    int firstPort = Ports.dead();
    env.put("PORT", String.valueOf(firstPort));
    Process first = launch(env);
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> healthJson(firstPort).path("observability").path("export").path("spooled").asLong() > 0);
    } finally {
      stop(first);
    }

    int secondPort = Ports.dead();
    env.put("PORT", String.valueOf(secondPort));
    Process second = launch(env);
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> healthJson(secondPort).path("checks").path("database").path("status").asText().equals("up"));
      assertThat(stdout()).as("the second run found the first run's records").contains("spooled by an earlier run");
      assertThat(stderr()).doesNotContain("SLF4J");
    } finally {
      stop(second);
    }
  }

  @Test
  void startsAndAnswersHealthWhileTheCollectorIsDown() throws Exception {
    int port = Ports.dead();
    Process process =
        launch(
            Map.of(
                "PORT", String.valueOf(port),
                "DATABASE_URL", TestEnvironment.databaseUrl(),
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + Ports.dead(),
                "OTEL_BLRP_SCHEDULE_DELAY", "100",
                // Never the default spool: the collector is down, so records go to disk.
                "OBSERVABILITY_SPOOL_DIR", output.resolve("spool").toString()));
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> health(port).statusCode() == 200);
      assertThat(process.isAlive()).isTrue();
    } finally {
      stop(process);
    }
  }
}
