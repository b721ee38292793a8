package com.financereport.observability.instrument;

import com.financereport.observability.Observability;
import com.financereport.observability.internal.signals.Signals;
import io.opentelemetry.api.trace.Tracer;
import java.util.concurrent.Callable;
import org.slf4j.Logger;

/**
 * Wraps a call to another system (a database, S3, a payment API) and logs one event with the
 * target, the operation, {@code duration_ms} and the outcome. It never logs the call's arguments
 * or its result, and on failure only the exception's type: argument values and error messages of
 * outside systems are where credentials and personal data leak.
 *
 * <p>With traces on it is also a {@link ClientSpan}, and its log line carries that span's ids.
 *
 * <pre>{@code
 * byte[] file = ExternalCall.call(log, "s3", "GetObject", () -> s3.getObject(request));
 * }</pre>
 */
public final class ExternalCall {
  static final String SUCCEEDED = "External call succeeded";
  static final String FAILED = "External call failed";

  private ExternalCall() {}

  public static <T> T call(Logger logger, String target, String operation, Callable<T> work)
      throws Exception {
    return call(
        Observability.openTelemetry().getTracer(Signals.SCOPE), logger, target, operation, work);
  }

  static <T> T call(
      Tracer tracer, Logger logger, String target, String operation, Callable<T> work)
      throws Exception {
    // Inside the span: the call's own line carries the client span's ids.
    return ClientSpan.call(tracer, target, operation, () -> logged(logger, target, operation, work));
  }

  private static <T> T logged(Logger logger, String target, String operation, Callable<T> work)
      throws Exception {
    long start = System.nanoTime();
    try {
      T result = work.call();
      logger
          .atInfo()
          .addKeyValue("external_service", target)
          .addKeyValue("operation", operation)
          .addKeyValue("duration_ms", OperationTimer.elapsedMillis(start))
          .addKeyValue("outcome", "success")
          .log(SUCCEEDED);
      return result;
    } catch (Exception | Error e) {
      logger
          .atWarn()
          .addKeyValue("external_service", target)
          .addKeyValue("operation", operation)
          .addKeyValue("duration_ms", OperationTimer.elapsedMillis(start))
          .addKeyValue("outcome", "error")
          .addKeyValue("error_type", e.getClass().getName())
          .log(FAILED);
      throw e;
    }
  }
}
