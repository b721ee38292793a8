package com.financereport.observability.settings;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Span export, opt-in with {@code OTEL_TRACES_EXPORTER=otlp}. {@code endpoint} is null whenever it
 * is off, and {@code disabledReason} says why. {@code headers} are secrets: never printed.
 *
 * @param endpoint OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or the base endpoint + /v1/traces
 * @param sampler OTEL_TRACES_SAMPLER (default parentbased_always_on, the OTel default)
 * @param samplerRatio OTEL_TRACES_SAMPLER_ARG for the ratio samplers (default 1.0)
 * @param scheduleDelay OTEL_BSP_SCHEDULE_DELAY (SDK default 5 s)
 * @param maxQueueSize OTEL_BSP_MAX_QUEUE_SIZE (default 8192; the SDK's is 2048)
 * @param maxExportBatchSize OTEL_BSP_MAX_EXPORT_BATCH_SIZE (default 2048; the SDK's is 512)
 * @param exportTimeout OTEL_BSP_EXPORT_TIMEOUT (SDK default 30 s)
 */
public record TraceSettings(
    URI endpoint,
    String disabledReason,
    Map<String, String> headers,
    Duration requestTimeout,
    String compression,
    String sampler,
    double samplerRatio,
    Duration scheduleDelay,
    int maxQueueSize,
    int maxExportBatchSize,
    Duration exportTimeout) {

  public TraceSettings {
    headers = Map.copyOf(headers);
  }

  public boolean enabled() {
    return endpoint != null;
  }

  @Override
  public String toString() {
    return "TraceSettings[enabled=" + enabled() + (enabled() ? "" : ", disabledReason=" + disabledReason)
        + ", headers=" + headers.size() + " set, sampler=" + sampler + ", samplerRatio=" + samplerRatio + "]";
  }
}
