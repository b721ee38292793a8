package com.financereport.observability.otlp;

import com.financereport.observability.internal.export.ExportCounters;
import com.financereport.observability.internal.export.ExportOutcome;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.Collection;

/**
 * Wraps the OTLP exporter and records what the collector made of each batch: accepted, failed (and
 * why), rejected for good, or partly accepted (a partial success: the refused records are
 * rejected, the rest exported). It sits directly on the wire exporter so that a spool in front of
 * it never makes a spooled batch look delivered.
 */
final class CountingLogRecordExporter implements LogRecordExporter {
  private final LogRecordExporter collector;
  private final ExportCounters counters;
  private final Outcomes outcomes;

  CountingLogRecordExporter(LogRecordExporter collector, ExportCounters counters, Outcomes outcomes) {
    this.collector = collector;
    this.counters = counters;
    this.outcomes = outcomes;
  }

  /** Told of every export's outcome, after the counters. */
  interface Outcomes {
    /** The collector accepted a batch; the request took {@code elapsedNanos}. */
    void succeeded(long elapsedNanos);

    void failed();

    /** Tells this and then {@code next}. */
    default Outcomes and(Outcomes next) {
      Outcomes first = this;
      return new Outcomes() {
        @Override
        public void succeeded(long elapsedNanos) {
          first.succeeded(elapsedNanos);
          next.succeeded(elapsedNanos);
        }

        @Override
        public void failed() {
          first.failed();
          next.failed();
        }
      };
    }
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    int count = logs.size();
    long started = System.nanoTime();
    CompletableResultCode result = collector.export(logs);
    result.whenComplete(
        () -> {
          ExportOutcome outcome = counters.attempted(ExportOutcome.of(result), count);
          switch (outcome.kind()) {
            // A partial success: the collector answered, and fast.
            case EXPORTED, PARTIAL -> outcomes.succeeded(System.nanoTime() - started);
            case REJECTED, RETRYABLE -> outcomes.failed();
          }
        });
    return result;
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
