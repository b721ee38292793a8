package com.financereport.observability.spring.web;

import com.financereport.observability.http.IncomingTrace;
import com.financereport.observability.http.RequestId;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The backend's request rules for Spring MVC. Each request runs in its request id (the caller's
 * safe X-Request-ID or a new one; MDC {@code request_id}, echoed in the response) and its trace
 * (the caller's traceparent or a fresh root, current for the thread), and ends with one "HTTP
 * Request" line: method, route template, status, duration, request id, trace id. Never the raw
 * path, query string, headers or body: those are where tokens live.
 */
public final class RequestLoggingFilter extends OncePerRequestFilter {
  static final String MESSAGE = "HTTP Request";
  static final String UNMATCHED = "unmatched";
  private static final Logger log = LoggerFactory.getLogger(RequestLoggingFilter.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    String requestId = RequestId.resolve(request.getHeader(RequestId.HEADER));
    response.setHeader(RequestId.HEADER, requestId);
    Context trace = IncomingTrace.of(request::getHeader);
    MDC.put(RequestId.MDC_KEY, requestId);
    Scope scope = trace.makeCurrent();
    try {
      chain.doFilter(request, response);
    } finally {
      try {
        logRequest(request, response, requestId, System.nanoTime() - start);
      } finally {
        scope.close();
        MDC.remove(RequestId.MDC_KEY);
      }
    }
  }

  private static void logRequest(
      HttpServletRequest request, HttpServletResponse response, String requestId, long nanos) {
    log.atInfo()
        .setMessage(MESSAGE)
        .addKeyValue("method", request.getMethod())
        .addKeyValue("route", route(request))
        .addKeyValue("status_code", response.getStatus())
        .addKeyValue("duration_ms", Math.round(nanos / 1_000.0) / 1_000.0)
        .addKeyValue("request_id", requestId)
        .addKeyValue("trace_id", Span.current().getSpanContext().getTraceId())
        .log();
  }

  /** MVC's matched route template; "unmatched" when no handler matched (a 404). */
  static String route(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return pattern instanceof String template && !template.isEmpty() && !template.equals("/**")
        ? template
        : UNMATCHED;
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return true;
  }
}
