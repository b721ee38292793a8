package com.financereport.observability.instrument;

import com.financereport.observability.Observability;
import com.financereport.observability.signals.Signals;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;

/**
 * Wraps a call to another system (a database, S3, a payment API) and logs one event with the
 * target, the operation, {@code duration_ms} and the outcome. It never logs the call's arguments
 * or its result, and on failure only the exception's type: argument values and error messages of
 * outside systems are where credentials and personal data leak.
 *
 * <p>With traces on it also records a CLIENT span, child of the current one, named {@code
 * "<operation> <target>"} with the semantic-convention attributes of its kind ({@code db.system}
 * and {@code db.operation} for a database, {@code rpc.*} for S3), never a statement's parameters;
 * the call's own log line carries that span's ids. With traces off nothing about spans changes.
 *
 * <pre>{@code
 * byte[] file = ExternalCall.call(log, "s3", "GetObject", () -> s3.getObject(request));
 * }</pre>
 */
public final class ExternalCall {
  static final String SUCCEEDED = "External call succeeded";
  static final String FAILED = "External call failed";
  static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
  static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation");
  static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
  static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
  static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private ExternalCall() {}

  public static <T> T call(Logger logger, String target, String operation, Callable<T> work)
      throws Exception {
    return call(
        Observability.openTelemetry().getTracer(Signals.SCOPE), logger, target, operation, work);
  }

  static <T> T call(
      Tracer tracer, Logger logger, String target, String operation, Callable<T> work)
      throws Exception {
    Span span =
        tracer
            .spanBuilder(operation + " " + target)
            .setSpanKind(SpanKind.CLIENT)
            .setAllAttributes(attributes(target, operation))
            .startSpan();
    long start = System.nanoTime();
    try (Scope ignored = span.makeCurrent()) {
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
      span.setStatus(StatusCode.ERROR);
      span.setAttribute(ERROR_TYPE, e.getClass().getName());
      logger
          .atWarn()
          .addKeyValue("external_service", target)
          .addKeyValue("operation", operation)
          .addKeyValue("duration_ms", OperationTimer.elapsedMillis(start))
          .addKeyValue("outcome", "error")
          .addKeyValue("error_type", e.getClass().getName())
          .log(FAILED);
      throw e;
    } finally {
      span.end();
    }
  }

  /** The semantic-convention attributes for a call to {@code target}. */
  static Attributes attributes(String target, String operation) {
    String system = target.toLowerCase(Locale.ROOT);
    if (system.equals("s3")) {
      return Attributes.of(RPC_SYSTEM, "aws-api", RPC_SERVICE, "S3", RPC_METHOD, operation);
    }
    return Attributes.of(DB_SYSTEM, system, DB_OPERATION, operation);
  }
}
