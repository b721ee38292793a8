package com.financereport.observability.spring.web;

import com.financereport.observability.http.RequestId;
import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * The request id in the MDC, as context-propagation sees it: Reactor copies it from a request's
 * Reactor Context onto whichever thread runs the request's next step, and takes it off again
 * after. Registered through {@code META-INF/services} (hence public), so every ContextSnapshot
 * user gets it.
 */
public final class RequestIdThreadLocalAccessor implements ThreadLocalAccessor<String> {
  /** The request id's key in a Reactor Context; namespaced, since that map is shared by all libraries. */
  static final String KEY = "com.financereport.observability.request_id";

  @Override
  public Object key() {
    return KEY;
  }

  @Override
  public String getValue() {
    return MDC.get(RequestId.MDC_KEY);
  }

  @Override
  public void setValue(String requestId) {
    MDC.put(RequestId.MDC_KEY, requestId);
  }

  @Override
  public void setValue() {
    MDC.remove(RequestId.MDC_KEY);
  }
}
