package com.financereport.observability.http;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * The trace a request belongs to: the caller's, from a valid W3C {@code traceparent}, or a fresh
 * random one, so every log line of every request carries a trace_id. Any HTTP server can use it:
 * it reads headers through a lookup by name.
 */
public final class IncomingTrace {
  private static final TextMapGetter<UnaryOperator<String>> HEADERS =
      new TextMapGetter<>() {
        // Still abstract in the API; the W3C propagator only calls get().
        @Override
        @SuppressWarnings("deprecation")
        public Iterable<String> keys(UnaryOperator<String> headers) {
          return List.of();
        }

        @Override
        public String get(UnaryOperator<String> headers, String key) {
          return headers == null ? null : headers.apply(key);
        }
      };

  private IncomingTrace() {}

  /**
   * A context whose current span is the caller's span, or a new root when there is none.
   *
   * @param header the request's header value by name, null when absent
   */
  public static Context of(UnaryOperator<String> header) {
    Context extracted = caller(header);
    SpanContext caller = Span.fromContext(extracted).getSpanContext();
    if (caller.isValid()) {
      return extracted.with(Span.wrap(caller));
    }
    return Context.root().with(Span.wrap(freshRoot()));
  }

  /** The caller's trace context from its W3C headers; the root context when it sent none. */
  static Context caller(UnaryOperator<String> header) {
    return W3CTraceContextPropagator.getInstance().extract(Context.root(), header, HEADERS);
  }

  private static SpanContext freshRoot() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high;
    long low;
    do {
      high = random.nextLong();
      low = random.nextLong();
    } while (high == 0 && low == 0);
    long span;
    do {
      span = random.nextLong();
    } while (span == 0);
    return SpanContext.create(
        TraceId.fromLongs(high, low), SpanId.fromLong(span), TraceFlags.getDefault(), TraceState.getDefault());
  }
}
