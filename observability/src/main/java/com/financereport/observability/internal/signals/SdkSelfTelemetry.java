package com.financereport.observability.internal.signals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;

/**
 * Reads the SDK's own self-observability metrics on demand, for /health: the batch span processor
 * drops spans silently when its queue is full, and says so only in {@value #SPANS_PROCESSED} with
 * an {@code error.type}. A pull reader, so it starts no thread.
 */
final class SdkSelfTelemetry implements MetricReader {
  static final String SPANS_PROCESSED = "otel.sdk.processor.span.processed";
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private volatile CollectionRegistration registration = CollectionRegistration.noop();

  /** Spans the SDK's processor dropped (queue full) since start. */
  long droppedSpans() {
    long dropped = 0;
    for (MetricData metric : registration.collectAllMetrics()) {
      if (!metric.getName().equals(SPANS_PROCESSED)) {
        continue;
      }
      for (LongPointData point : metric.getLongSumData().getPoints()) {
        if (point.getAttributes().get(ERROR_TYPE) != null) {
          dropped += point.getValue();
        }
      }
    }
    return dropped;
  }

  @Override
  public void register(CollectionRegistration registration) {
    this.registration = registration;
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return AggregationTemporality.CUMULATIVE;
  }

  @Override
  public CompletableResultCode forceFlush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
