package com.financereport.observability.spool;

import com.financereport.observability.otlp.response.PartialSuccessException;
import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.CompletableResultCode;

/**
 * What a failed export means for the batch, following the OTLP spec: 429, 502, 503, 504, dropped
 * connections and timeouts are worth trying again later; any other HTTP answer rejects the batch
 * for good, and so does a partial success (some records refused, the rest delivered). A failure
 * without a cause (an exporter shut down, an export that never finished) keeps
 * the records: losing them is worse than sending them twice.
 */
record ExportFailure(boolean retryable, String description) {

  static ExportFailure of(CompletableResultCode result) {
    if (!result.isDone()) {
      return new ExportFailure(true, "export timed out");
    }
    return of(result.getFailureThrowable());
  }

  static ExportFailure of(Throwable failure) {
    if (failure instanceof PartialSuccessException partial) {
      return new ExportFailure(false, partial.reason());
    }
    if (failure instanceof FailedExportException.HttpExportException http
        && http.failedWithResponse()) {
      int status = http.getResponse().getStatusCode();
      boolean retryable = status == 429 || status == 502 || status == 503 || status == 504;
      return new ExportFailure(retryable, "HTTP " + status);
    }
    if (failure == null) {
      return new ExportFailure(true, "export failed");
    }
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    return new ExportFailure(true, cause.getClass().getName());
  }
}
