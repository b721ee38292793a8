package com.financereport.observability.internal.export;

import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.status.ExportCounters;
import io.opentelemetry.sdk.common.CompletableResultCode;

/** The one place an export's outcome becomes figures, for logs, spans and metric points alike. */
public final class OutcomeCounting {
  private OutcomeCounting() {}

  /**
   * Counts {@code items} under {@code outcome}; descriptions are redacted before they are kept.
   * Returns the outcome, so a caller can go on to act on it.
   */
  public static ExportOutcome count(
      ExportCounters counters, ExportOutcome outcome, long items, Redactor redactor) {
    switch (outcome.kind()) {
      case EXPORTED -> counters.recordExported(items);
      case PARTIAL -> {
        PartialSuccessException partial = outcome.partial();
        counters.recordPartialSuccess(
            partial.accepted(), partial.rejected(), redactor.redactText(outcome.description()));
      }
      case REJECTED -> {
        counters.recordFailed(items, outcome.type(), redactor.redactText(outcome.description()));
        counters.recordRejected(items);
      }
      case RETRYABLE ->
          counters.recordFailed(items, outcome.type(), redactor.redactText(outcome.description()));
    }
    return outcome;
  }

  /**
   * Counts {@code items} once {@code result} completes; a signal with no spool of its own also
   * counts them as lost when the export did not deliver them. Returns {@code result}.
   */
  public static CompletableResultCode countWhenDone(
      CompletableResultCode result, ExportCounters counters, long items, Redactor redactor) {
    result.whenComplete(
        () -> {
          if (count(counters, ExportOutcome.of(result), items, redactor).kind()
              != ExportOutcome.Kind.EXPORTED) {
            counters.recordDropped(items);
          }
        });
    return result;
  }
}
