package com.financereport.observability.internal.export;

// The SDK's only carrier of the collector's HTTP status for the signals its own exporters send
// (metrics, spans); no public type says it (SDK 1.68). Logs fail with CollectorAnswerException.
import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.CompletableResultCode;

/**
 * What one export attempt came to, by the OTLP specification's rules, for every signal and for
 * the spool alike: 429, 502, 503, 504, dropped connections, timeouts and failures without a cause
 * are worth trying again; any other HTTP answer rejects the batch for good; a partial success
 * delivers some records and refuses the rest, and is not retried.
 *
 * @param type a short name: "HTTP 503", an exception class, "timeout", "partial success"
 * @param description words for /health; may hold the collector's or an exception's message, so
 *     callers redact it before showing it
 * @param partial the collector's partial-success answer, for {@link Kind#PARTIAL}
 */
public record ExportOutcome(Kind kind, String type, String description, PartialSuccessException partial) {
  /** The type of a partial success, as /health shows it. */
  public static final String PARTIAL_SUCCESS = "partial success";

  private static final ExportOutcome EXPORTED = new ExportOutcome(Kind.EXPORTED, "ok", "exported", null);

  public enum Kind {
    EXPORTED,
    PARTIAL,
    REJECTED,
    RETRYABLE
  }

  /** The outcome of a finished (or timed-out) export. */
  public static ExportOutcome of(CompletableResultCode result) {
    if (!result.isDone()) {
      return new ExportOutcome(Kind.RETRYABLE, "timeout", "the export did not finish in time", null);
    }
    return result.isSuccess() ? EXPORTED : ofFailure(result.getFailureThrowable());
  }

  /** The outcome of an export that failed with {@code failure} (null: no reason given). */
  public static ExportOutcome ofFailure(Throwable failure) {
    if (failure instanceof PartialSuccessException partial) {
      return new ExportOutcome(
          Kind.PARTIAL, PARTIAL_SUCCESS, partial.getMessage(), partial);
    }
    if (failure instanceof CollectorAnswerException answer) {
      return ofStatus(answer.statusCode(), answer.getMessage());
    }
    if (failure instanceof FailedExportException.HttpExportException http) {
      if (http.failedWithResponse() && http.getResponse() != null) {
        int status = http.getResponse().getStatusCode();
        return ofStatus(status, "the collector answered HTTP " + status);
      }
      failure = http.getCause();
    }
    if (failure == null) {
      // Losing records is worse than sending them twice.
      return new ExportOutcome(Kind.RETRYABLE, "unknown", "the export failed without a reason", null);
    }
    String message = failure.getMessage();
    return new ExportOutcome(
        Kind.RETRYABLE,
        failure.getClass().getName(),
        failure.getClass().getName() + (message == null || message.isBlank() ? "" : ": " + message),
        null);
  }

  private static ExportOutcome ofStatus(int status, String description) {
    return new ExportOutcome(
        isRetryableStatus(status) ? Kind.RETRYABLE : Kind.REJECTED, "HTTP " + status, description, null);
  }

  /** The OTLP specification's retryable answers. */
  public static boolean isRetryableStatus(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  public boolean retryable() {
    return kind == Kind.RETRYABLE;
  }

  /** The collector's answer is final for some or all records: a rejection or a partial success. */
  public boolean refused() {
    return kind == Kind.REJECTED || kind == Kind.PARTIAL;
  }

  /** The short reason a dead letter or a log line gives: the partial-success reason or the type. */
  public String reason() {
    return partial != null ? partial.reason() : type;
  }
}
