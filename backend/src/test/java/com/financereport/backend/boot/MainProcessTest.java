package com.financereport.backend.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.financereport.backend.support.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  @Test
  void startsAndAnswersHealthWhileTheCollectorIsDown() throws Exception {
    int port = Ports.dead();
    Process process =
        launch(
            Map.of(
                "PORT", String.valueOf(port),
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + Ports.dead(),
                "OTEL_BLRP_SCHEDULE_DELAY", "100"));
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest health =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
              .timeout(Duration.ofSeconds(5))
              .build();
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
      assertThat(process.isAlive()).isTrue();
    } finally {
      process.destroy();
      process.waitFor(20, TimeUnit.SECONDS);
      process.destroyForcibly();
    }
  }
}
