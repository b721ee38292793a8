package com.financereport.observability.spring.web;

import io.micrometer.context.ThreadLocalAccessor;
import io.opentelemetry.context.Context;

/**
 * The current OpenTelemetry context (the request's span), as context-propagation sees it, so a
 * line logged after a thread hop carries the request's trace_id and span_id. This is the
 * starter's relocated OpenTelemetry, whose storage is always the plain thread-local one: making a
 * context current without keeping its Scope leaves nothing behind, and {@link #restore} puts back
 * exactly what the contract hands it. Public only for ServiceLoader.
 */
public final class TraceContextThreadLocalAccessor implements ThreadLocalAccessor<Context> {
  /** The trace's key in a Reactor Context; namespaced, since that map is shared by all libraries. */
  static final String KEY = "com.financereport.observability.trace_context";

  @Override
  public Object key() {
    return KEY;
  }

  /** Null for the root context: nothing to carry, and a thread without a trace is left alone. */
  @Override
  public Context getValue() {
    Context current = Context.current();
    return current == Context.root() ? null : current;
  }

  @Override
  public void setValue(Context context) {
    context.makeCurrent();
  }

  @Override
  public void setValue() {
    Context.root().makeCurrent();
  }
}
