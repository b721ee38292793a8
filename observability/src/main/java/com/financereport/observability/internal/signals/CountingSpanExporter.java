package com.financereport.observability.internal.signals;

import com.financereport.observability.internal.export.ExportCounters;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/** Counts what the collector made of each span batch, on the wire exporter. */
final class CountingSpanExporter implements SpanExporter {
  private final SpanExporter collector;
  private final ExportCounters counters;

  CountingSpanExporter(SpanExporter collector, ExportCounters counters) {
    this.collector = collector;
    this.counters = counters;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    // No spool for spans: a failed batch is lost, and counted so.
    return counters.countWhenDone(collector.export(spans), spans.size());
  }

  @Override
  public CompletableResultCode flush() {
    return collector.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return collector.shutdown();
  }
}
