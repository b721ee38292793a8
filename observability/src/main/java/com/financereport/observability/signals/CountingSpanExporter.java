package com.financereport.observability.signals;

import com.financereport.observability.internal.export.OutcomeCounting;
import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.status.ExportCounters;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/** Counts what the collector made of each span batch, on the wire exporter. */
final class CountingSpanExporter implements SpanExporter {
  private final SpanExporter collector;
  private final ExportCounters counters;
  private final Redactor redactor;

  CountingSpanExporter(SpanExporter collector, ExportCounters counters, Redactor redactor) {
    this.collector = collector;
    this.counters = counters;
    this.redactor = redactor;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    // No spool for spans: a failed batch is lost, and counted so.
    return OutcomeCounting.countWhenDone(collector.export(spans), counters, spans.size(), redactor);
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
