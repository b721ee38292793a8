package com.financereport.backend.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.opentelemetry.api.trace.Span;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one "HTTP Request" line per request. It names the route template (/api/reports/{id}), never
 * the raw path or query string, and never logs headers or bodies: those are where tokens live.
 */
final class RequestLog implements RequestLogger {
  static final String MESSAGE = "HTTP Request";
  static final String UNMATCHED = "unmatched";
  private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

  @Override
  public void handle(Context ctx, Float executionTimeMs) {
    String requestId = ctx.attribute(RequestContextFilter.REQUEST_ID_ATTRIBUTE);
    String route = route(ctx);
    if (!route.equals(UNMATCHED)) {
      ctx.req().setAttribute(RequestContextFilter.ROUTE_ATTRIBUTE, route);
    }
    log.atInfo()
        .setMessage(MESSAGE)
        .addKeyValue("method", ctx.method().name())
        .addKeyValue("route", route)
        .addKeyValue("status_code", ctx.statusCode())
        .addKeyValue("duration_ms", Math.round(executionTimeMs * 1000.0) / 1000.0)
        .addKeyValue("request_id", requestId)
        .addKeyValue("trace_id", Span.current().getSpanContext().getTraceId())
        .log();
  }

  /** The matched route template; "unmatched" when no endpoint matched (a 404). */
  static String route(Context ctx) {
    try {
      Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
      String path = endpoint == null ? null : endpoint.path;
      return path == null || path.isEmpty() || path.equals("*") ? UNMATCHED : path;
    } catch (IllegalStateException | NoSuchElementException e) {
      return UNMATCHED;
    }
  }
}
