package com.financereport.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.financereport.observability.otlp.testing.OtlpTestReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The collector is down: the telemetry contributor says so, the application stays UP. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.endpoint.health.show-details=always",
      "management.endpoints.web.exposure.include=health,observability"
    })
class TelemetryHealthTest {
  @TempDir static Path spool;

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void pointExportAtAClosedPort() {
    ExportSettingsForTests.exportTo(OtlpTestReceiver.refusingBaseEndpoint(), spool);
  }

  @Test
  void telemetryIsDegradedWhileTheCollectorIsDown() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(get("/actuator/health/telemetry").path("status").asText()).isEqualTo("DEGRADED"));
  }

  @Test
  void theApplicationStaysUpWith200() throws Exception {
    awaitDegraded();
    HttpResponse<String> health = send("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(health.body()).path("status").asText()).isEqualTo("UP");
  }

  @Test
  void theTelemetryComponentAnswers200() throws Exception {
    awaitDegraded();
    assertThat(send("/actuator/health/telemetry").statusCode()).isEqualTo(200);
  }

  @Test
  void theSnapshotEndpointNamesTheServiceAndNeverTheEndpoint() throws Exception {
    HttpResponse<String> snapshot = send("/actuator/observability");
    assertThat(snapshot.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(snapshot.body()).toString()).contains("spring-boot-example");
    assertThat(snapshot.body()).doesNotContain(System.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT"));
  }

  private void awaitDegraded() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> get("/actuator/health/telemetry").path("status").asText().equals("DEGRADED"));
  }

  private JsonNode get(String path) throws Exception {
    return new ObjectMapper().readTree(send(path).body());
  }

  private HttpResponse<String> send(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
