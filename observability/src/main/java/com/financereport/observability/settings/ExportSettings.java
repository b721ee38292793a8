package com.financereport.observability.settings;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where and how logs leave the process over OTLP/HTTP. {@code logsEndpoint} is null whenever export
 * is off; {@code disabledReason} then says why ("no endpoint configured", "OTEL_SDK_DISABLED=true",
 * a configuration error ...). {@code headers} are secrets: they never appear in {@link #toString()}.
 *
 * @param scheduleDelay OTEL_BLRP_SCHEDULE_DELAY (SDK default 1 s)
 * @param maxQueueSize OTEL_BLRP_MAX_QUEUE_SIZE (default 8192; the SDK's is 2048)
 * @param maxExportBatchSize OTEL_BLRP_MAX_EXPORT_BATCH_SIZE (default 2048; the SDK's is 512)
 * @param exportTimeout OTEL_BLRP_EXPORT_TIMEOUT (SDK default 30 s)
 * @param requestTimeout OTEL_EXPORTER_OTLP_TIMEOUT (SDK default 10 s)
 * @param compression OTEL_EXPORTER_OTLP_COMPRESSION: "gzip" or "none"
 * @param exportLevel the lowest level exported (INFO by default, as in the original backend)
 * @param codeAttributes whether code.* attributes (caller class, method, line) are attached
 * @param shutdownTimeout how long the JVM shutdown hook flushes before giving up (default 5 s)
 * @param queueFullWait how long an application thread may wait for room when the in-memory queue
 *     is full, while the collector keeps pace, before its record overflows to the spool (default
 *     250 ms); zero never waits
 * @param exportConcurrency how many export requests may be on the wire at once (default 2)
 */
public record ExportSettings(
    URI logsEndpoint,
    String disabledReason,
    Map<String, String> headers,
    Duration scheduleDelay,
    int maxQueueSize,
    int maxExportBatchSize,
    Duration exportTimeout,
    Duration requestTimeout,
    String compression,
    String exportLevel,
    boolean codeAttributes,
    Duration shutdownTimeout,
    Duration queueFullWait,
    int exportConcurrency) {

  public ExportSettings {
    headers = Map.copyOf(headers);
  }

  public boolean enabled() {
    return logsEndpoint != null;
  }

  @Override
  public String toString() {
    return "ExportSettings[enabled="
        + enabled()
        + (enabled() ? "" : ", disabledReason=" + disabledReason)
        + ", headers="
        + headers.size()
        + " set, scheduleDelay="
        + scheduleDelay
        + ", maxQueueSize="
        + maxQueueSize
        + ", maxExportBatchSize="
        + maxExportBatchSize
        + ", exportTimeout="
        + exportTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", compression="
        + compression
        + ", exportLevel="
        + exportLevel
        + ", codeAttributes="
        + codeAttributes
        + ", shutdownTimeout="
        + shutdownTimeout
        + ", queueFullWait="
        + queueFullWait
        + ", exportConcurrency="
        + exportConcurrency
        + "]";
  }
}
