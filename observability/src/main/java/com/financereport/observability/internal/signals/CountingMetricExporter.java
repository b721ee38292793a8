package com.financereport.observability.internal.signals;

import com.financereport.observability.internal.export.ExportCounters;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.util.Collection;

/** Counts what the collector made of each metric export, in data points, on the wire exporter. */
final class CountingMetricExporter implements MetricExporter {
  private final MetricExporter collector;
  private final ExportCounters counters;

  CountingMetricExporter(MetricExporter collector, ExportCounters counters) {
    this.collector = collector;
    this.counters = counters;
  }

  @Override
  public CompletableResultCode export(Collection<MetricData> metrics) {
    long points = metrics.stream().mapToLong(m -> m.getData().getPoints().size()).sum();
    // A failed export is lost; the next collection sends fresh points instead.
    return counters.countWhenDone(collector.export(metrics), points);
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return collector.getAggregationTemporality(instrumentType);
  }

  @Override
  public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
    return collector.getDefaultAggregation(instrumentType);
  }

  @Override
  public MemoryMode getMemoryMode() {
    return collector.getMemoryMode();
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
