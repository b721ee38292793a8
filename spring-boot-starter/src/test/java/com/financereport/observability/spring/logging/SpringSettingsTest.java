package com.financereport.observability.spring.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpringSettingsTest {
  private static Map<String, String> variables(Map<String, String> properties) {
    return SpringSettings.variables(properties::get);
  }

  @Test
  void bootThreesEndpointPropertyTurnsExportOn() {
    assertThat(variables(Map.of(SpringSettings.BOOT3_LOGS_ENDPOINT, "http://127.0.0.1:4318/v1/logs")))
        .containsEntry("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://127.0.0.1:4318/v1/logs");
  }

  @Test
  void bootFoursEndpointPropertyTurnsExportOn() {
    assertThat(variables(Map.of(SpringSettings.BOOT4_LOGS_ENDPOINT, "http://127.0.0.1:4318/v1/logs")))
        .containsEntry("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://127.0.0.1:4318/v1/logs");
  }

  @Test
  void theOtelBaseEndpointWinsOverBootsProperty() {
    Map<String, String> variables =
        variables(
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                SpringSettings.BOOT3_LOGS_ENDPOINT, "http://other:4318/v1/logs"));
    assertThat(variables)
        .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
        .doesNotContainKey("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT");
  }

  @Test
  void theOtelLogsEndpointWinsOverBootsProperty() {
    assertThat(
            variables(
                Map.of(
                    "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://collector:4318/v1/logs",
                    SpringSettings.BOOT4_LOGS_ENDPOINT, "http://other:4318/v1/logs")))
        .containsEntry("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://collector:4318/v1/logs");
  }

  @Test
  void theApplicationNameIsTheServiceNameWhenOtelServiceNameIsUnset() {
    assertThat(variables(Map.of(SpringSettings.APPLICATION_NAME, "orders")))
        .containsEntry("OTEL_SERVICE_NAME", "orders");
  }

  @Test
  void otelServiceNameWinsOverTheApplicationName() {
    assertThat(
            variables(Map.of("OTEL_SERVICE_NAME", "billing", SpringSettings.APPLICATION_NAME, "orders")))
        .containsEntry("OTEL_SERVICE_NAME", "billing");
  }

  @Test
  void theEnvironmentComesFromEnvironmentAsEverywhere() {
    assertThat(SpringSettings.runtime(Map.of("ENVIRONMENT", "staging")::get).settings().environment())
        .isEqualTo("staging");
  }
}
