package com.financereport.observability.http;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/** One request under way: its trace context, ended once with what the server made of it. */
public final class ServerRequest {
  private final ServerRequests requests;
  private final Context context;
  private final Span span;
  private final String method;
  private final String scheme;
  private final long startNanos;

  ServerRequest(
      ServerRequests requests, Context context, Span span, String method, String scheme, long startNanos) {
    this.requests = requests;
    this.context = context;
    this.span = span;
    this.method = method;
    this.scheme = scheme;
    this.startNanos = startNanos;
  }

  /** The request's trace: make it current for the request's work. */
  public Context context() {
    return context;
  }

  /**
   * The request ended.
   *
   * @param route the route template (/api/reports/{id}), or null when none matched
   * @param error what the server threw, or null
   */
  public void end(String route, int status, Throwable error) {
    requests.end(this, route, status, error);
  }

  Span span() {
    return span;
  }

  String method() {
    return method;
  }

  String scheme() {
    return scheme;
  }

  long startNanos() {
    return startNanos;
  }
}
