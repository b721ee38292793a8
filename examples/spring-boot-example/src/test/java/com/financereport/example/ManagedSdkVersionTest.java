package com.financereport.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The library alone under Spring Boot 3.5's managed OpenTelemetry 1.49, with an endpoint set: the
 * case that used to end start-up with NoClassDefFoundError HttpSenderProvider, exit 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagedSdkVersionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  OtlpTestReceiver receiver;
  List<String> stdout;
  int pingStatus;

  @BeforeAll
  void startWithAnEndpoint() throws IOException {
    receiver = OtlpTestReceiver.start();
    Path spool = Files.createTempDirectory("library-only-spool");
    try (ExampleProcess app =
        ExampleProcess.start(
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseEndpoint(),
                "OBSERVABILITY_SPOOL_DIR", spool.toString()),
            null)) {
      pingStatus = app.get("/api/ping").statusCode();
      app.stop(Duration.ofSeconds(30));
      stdout = app.stdout();
    } finally {
      ExampleProcess.deleteTree(spool);
    }
  }

  @AfterAll
  void stopTheReceiver() {
    receiver.close();
  }

  @Test
  void theApplicationStartsAndAnswers() {
    assertThat(pingStatus).isEqualTo(200);
  }

  @Test
  void exactlyOneErrorLineSaysWhyExportIsOff() {
    assertThat(errorLines()).hasSize(1);
  }

  @Test
  void theErrorLineNamesTheVersionFoundAndTheFix() {
    assertThat(errorLines().get(0)).contains("1.49.0", "opentelemetry.version", "observability-spring-boot-starter");
  }

  private List<String> errorLines() {
    return stdout.stream()
        .filter(l -> l.contains("OpenTelemetry SDK on the classpath"))
        .toList();
  }

  static JsonNode parse(String line) throws IOException {
    return JSON.readTree(line);
  }
}
