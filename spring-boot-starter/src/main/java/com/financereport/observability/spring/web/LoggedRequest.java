package com.financereport.observability.spring.web;

import com.financereport.observability.http.RequestId;
import com.financereport.observability.http.ServerRequest;
import com.financereport.observability.http.ServerRequests;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One HTTP request under the backend's rules, whatever the web stack: its request id (the
 * caller's safe X-Request-ID or a new one, echoed), its trace ({@link ServerRequests}: a SERVER
 * span when traces are on, the caller's traceparent or a fresh root otherwise, traceparent echoed),
 * and at the end one "HTTP Request" line. The line never holds the raw path, query string, headers
 * or body: those are where tokens live.
 */
final class LoggedRequest {
  static final String MESSAGE = "HTTP Request";
  static final String UNMATCHED = "unmatched";
  private static final Logger log = LoggerFactory.getLogger(LoggedRequest.class);

  private final String requestId;
  private final ServerRequest telemetry;
  private final String method;
  private final long startNanos = System.nanoTime();

  private LoggedRequest(String requestId, ServerRequest telemetry, String method) {
    this.requestId = requestId;
    this.telemetry = telemetry;
    this.method = method;
  }

  /**
   * A request begins; its request id and traceparent are set on the response at once, before
   * anything can commit it.
   *
   * @param path the path without the query string
   */
  static LoggedRequest start(
      ServerRequests requests,
      String method,
      String scheme,
      String path,
      UnaryOperator<String> header,
      BiConsumer<String, String> responseHeader) {
    String requestId = RequestId.resolve(header.apply(RequestId.HEADER));
    responseHeader.accept(RequestId.HEADER, requestId);
    return new LoggedRequest(
        requestId, requests.start(method, scheme, path, header, responseHeader), method);
  }

  /** The id its lines carry: the caller's safe X-Request-ID or a fresh one. */
  String requestId() {
    return requestId;
  }

  /** The request's trace: its SERVER span when traces are on, the caller's or a fresh root otherwise. */
  Context traceContext() {
    return telemetry.context();
  }

  /** Makes the request's id (MDC) and trace current on this thread, until the scope closes. */
  RequestScope enter() {
    String previousId = MDC.get(RequestId.MDC_KEY);
    MDC.put(RequestId.MDC_KEY, requestId);
    return new RequestScope(traceContext().makeCurrent(), previousId);
  }

  /**
   * The request ended: its line, logged in its id and trace, then its span and duration.
   *
   * @param template the matched route template, or null when none matched
   * @param error what the handler threw, or null
   */
  void end(String template, int status, Throwable error) {
    try (RequestScope ignored = enter()) {
      log.atInfo()
          .setMessage(MESSAGE)
          .addKeyValue("method", method)
          .addKeyValue("route", template == null ? UNMATCHED : template)
          .addKeyValue("status_code", status)
          .addKeyValue("duration_ms", Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0)
          .addKeyValue("request_id", requestId)
          .addKeyValue("trace_id", Span.current().getSpanContext().getTraceId())
          .log();
    } finally {
      telemetry.end(template, status, error);
    }
  }

  /** A route template worth naming: not empty, and not the catch-all a static-resource handler matches. */
  static String template(String pattern) {
    return pattern == null || pattern.isEmpty() || pattern.equals("/**") ? null : pattern;
  }

  /** The request's id and trace on one thread; closing restores what was there before. */
  record RequestScope(Scope trace, String previousId) implements AutoCloseable {
    @Override
    public void close() {
      trace.close();
      if (previousId == null) {
        MDC.remove(RequestId.MDC_KEY);
      } else {
        MDC.put(RequestId.MDC_KEY, previousId);
      }
    }
  }
}
