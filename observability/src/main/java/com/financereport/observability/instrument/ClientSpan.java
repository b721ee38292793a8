package com.financereport.observability.instrument;

import com.financereport.observability.Observability;
import com.financereport.observability.internal.signals.Signals;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Locale;

/**
 * A call to another system as a CLIENT span, child of the current one, when traces are on: named
 * {@code "<operation> <target>"}, with the semantic-convention attributes of its kind ({@code
 * db.system} and {@code db.operation} for a database, {@code rpc.*} for S3) and, on failure, only
 * the exception's type: a statement's parameters and an outside system's messages are where
 * credentials and personal data leak. With traces off nothing about spans changes.
 *
 * <pre>{@code
 * Report report = ClientSpan.call("postgresql", "SELECT", () -> repository.find(id));
 * }</pre>
 */
public final class ClientSpan {
  static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
  static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation");
  static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
  static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
  static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** Work that may throw a checked exception of its own, which the span passes on unchanged. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  private ClientSpan() {}

  public static <T, E extends Exception> T call(String target, String operation, Work<T, E> work)
      throws E {
    return call(Observability.openTelemetry().getTracer(Signals.SCOPE), target, operation, work);
  }

  static <T, E extends Exception> T call(
      Tracer tracer, String target, String operation, Work<T, E> work) throws E {
    Span span =
        tracer
            .spanBuilder(operation + " " + target)
            .setSpanKind(SpanKind.CLIENT)
            .setAllAttributes(attributes(target, operation))
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return work.run();
    } catch (Exception | Error e) {
      span.setStatus(StatusCode.ERROR);
      span.setAttribute(ERROR_TYPE, e.getClass().getName());
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
