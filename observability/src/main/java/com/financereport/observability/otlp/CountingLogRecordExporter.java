package com.financereport.observability.otlp;

import com.financereport.observability.otlp.response.PartialSuccessException;
import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.status.ExportCounters;
import io.opentelemetry.exporter.internal.FailedExportException;
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
  private final Redactor redactor;
  private final Outcomes outcomes;

  CountingLogRecordExporter(
      LogRecordExporter collector, ExportCounters counters, Redactor redactor, Outcomes outcomes) {
    this.collector = collector;
    this.counters = counters;
    this.redactor = redactor;
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
          if (result.isSuccess()) {
            counters.recordExported(count);
            outcomes.succeeded(System.nanoTime() - started);
            return;
          }
          if (result.getFailureThrowable() instanceof PartialSuccessException partial) {
            counters.recordPartialSuccess(
                partial.accepted(), partial.rejected(), redactor.redactText(partial.getMessage()));
            outcomes.succeeded(System.nanoTime() - started); // the collector answered, and fast
            return;
          }
          ExportFailure failure = ExportFailure.of(result.getFailureThrowable(), redactor);
          counters.recordFailed(count, failure.type(), failure.description());
          if (failure.rejected()) {
            counters.recordRejected(count);
          }
          outcomes.failed();
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

  /**
   * A failure in words for /health: "HTTP 503" or the exception class, never the URL or headers.
   *
   * @param rejected the collector answered and the answer is final (any status the OTLP spec says
   *     not to retry), so the records are refused, not merely undelivered
   */
  record ExportFailure(String type, String description, boolean rejected) {
    static ExportFailure of(Throwable failure, Redactor redactor) {
      if (failure instanceof FailedExportException.HttpExportException http) {
        if (http.failedWithResponse() && http.getResponse() != null) {
          int status = http.getResponse().getStatusCode();
          boolean retryable = status == 429 || status == 502 || status == 503 || status == 504;
          return new ExportFailure(
              "HTTP " + status, "the collector answered HTTP " + status, !retryable);
        }
        failure = http.getCause();
      }
      if (failure == null) {
        return new ExportFailure("unknown", "the export failed without a reason", false);
      }
      String message = failure.getMessage();
      String description =
          failure.getClass().getName()
              + (message == null || message.isBlank() ? "" : ": " + redactor.redactText(message));
      return new ExportFailure(failure.getClass().getName(), description, false);
    }
  }
}
