package com.financereport.backend.http;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The trace a request belongs to: the caller's, from a valid W3C {@code traceparent}, or a fresh
 * random one, so every log line of every request carries a trace_id.
 */
final class RequestTraceContext {
  private static final TextMapGetter<HttpServletRequest> HEADERS =
      new TextMapGetter<>() {
        // Still abstract in the API; the W3C propagator only calls get().
        @Override
        @SuppressWarnings("deprecation")
        public Iterable<String> keys(HttpServletRequest request) {
          return Collections.list(request.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest request, String key) {
          return request == null ? null : request.getHeader(key);
        }
      };

  private RequestTraceContext() {}

  /** A context whose current span is the caller's span, or a new root when there is none. */
  static Context of(HttpServletRequest request) {
    Context extracted =
        W3CTraceContextPropagator.getInstance().extract(Context.root(), request, HEADERS);
    SpanContext caller = Span.fromContext(extracted).getSpanContext();
    if (caller.isValid()) {
      return extracted.with(Span.wrap(caller));
    }
    return Context.root().with(Span.wrap(freshRoot()));
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
