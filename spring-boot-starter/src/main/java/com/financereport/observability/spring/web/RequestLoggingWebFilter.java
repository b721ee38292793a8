package com.financereport.observability.spring.web;

import com.financereport.observability.http.ServerRequests;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * The backend's request rules for WebFlux ({@link LoggedRequest}). A reactive request has no
 * thread of its own, so its id and trace go into its Reactor Context; with Reactor's automatic
 * context propagation (which the starter turns on) they are current, through {@link
 * RequestIdThreadLocalAccessor} and {@link TraceContextThreadLocalAccessor}, on every thread that
 * runs the request's work, and only while it does. The request's line is written when the
 * handler's response completes, fails or is cancelled (the client went away).
 */
public final class RequestLoggingWebFilter implements WebFilter, Ordered {
  private final ServerRequests requests;

  public RequestLoggingWebFilter(ServerRequests requests) {
    this.requests = requests;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    LoggedRequest logged =
        LoggedRequest.start(
            requests,
            request.getMethod().name(),
            request.getURI().getScheme(),
            request.getPath().value(),
            request.getHeaders()::getFirst,
            exchange.getResponse().getHeaders()::set);
    return chain
        .filter(exchange)
        .doOnSuccess(done -> logged.end(route(exchange), status(exchange, null), null))
        .doOnError(error -> logged.end(route(exchange), status(exchange, error), serverError(error)))
        .doOnCancel(() -> logged.end(route(exchange), status(exchange, null), null))
        .contextWrite(
            context ->
                context
                    .put(RequestIdThreadLocalAccessor.KEY, logged.requestId())
                    .put(TraceContextThreadLocalAccessor.KEY, logged.traceContext()));
  }

  /** WebFlux's matched route template; null when no handler matched (a 404). */
  static String route(ServerWebExchange exchange) {
    Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return LoggedRequest.template(pattern instanceof PathPattern matched ? matched.getPatternString() : null);
  }

  /**
   * The status the client gets. An error has not been rendered yet when it passes this filter
   * (Boot's error handler sits outside the filters), so its status comes from the error itself.
   */
  static int status(ServerWebExchange exchange, Throwable error) {
    if (error instanceof ResponseStatusException answered) {
      return answered.getStatusCode().value();
    }
    if (error != null) {
      return 500;
    }
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    return status == null ? 200 : status.value();
  }

  /** Only a failure of the server is the span's error; a 404 or 400 is an answer. */
  private static Throwable serverError(Throwable error) {
    return error instanceof ResponseStatusException answered && !answered.getStatusCode().is5xxServerError()
        ? null
        : error;
  }

  /** First, as the MVC filter is: every other filter's work belongs to the request. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
