package com.financereport.observability.settings;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Metric export, opt-in with {@code OTEL_METRICS_EXPORTER=otlp}. {@code endpoint} is null whenever
 * it is off, and {@code disabledReason} says why. {@code headers} are secrets: never printed.
 *
 * @param endpoint OTEL_EXPORTER_OTLP_METRICS_ENDPOINT, or the base endpoint + /v1/metrics
 * @param exportInterval OTEL_METRIC_EXPORT_INTERVAL (SDK default 60 s)
 */
public record MetricSettings(
    URI endpoint,
    String disabledReason,
    Map<String, String> headers,
    Duration requestTimeout,
    String compression,
    Duration exportInterval) {

  public MetricSettings {
    headers = Map.copyOf(headers);
  }

  public boolean enabled() {
    return endpoint != null;
  }

  @Override
  public String toString() {
    return "MetricSettings[enabled=" + enabled() + (enabled() ? "" : ", disabledReason=" + disabledReason)
        + ", headers=" + headers.size() + " set, exportInterval=" + exportInterval + "]";
  }
}
