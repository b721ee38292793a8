package com.financereport.backend.http;

import com.financereport.observability.http.IncomingTrace;
import com.financereport.observability.http.RequestId;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;

/**
 * Wraps each request, around all of Javalin, in its request id (MDC {@code request_id}, echoed as
 * X-Request-ID) and its trace context (current for the thread). A servlet filter, because its
 * try/finally is the one place that is certain to clear both before Jetty reuses the thread.
 */
final class RequestContextFilter implements Filter {
  static final String REQUEST_ID_ATTRIBUTE = RequestContextFilter.class.getName() + ".requestId";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String requestId = RequestId.resolve(http.getHeader(RequestId.HEADER));
    http.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
    ((HttpServletResponse) response).setHeader(RequestId.HEADER, requestId);
    Context context = IncomingTrace.of(http::getHeader);
    MDC.put(RequestId.MDC_KEY, requestId);
    Scope scope = context.makeCurrent();
    try {
      chain.doFilter(request, response);
    } finally {
      scope.close();
      MDC.remove(RequestId.MDC_KEY);
    }
  }
}
