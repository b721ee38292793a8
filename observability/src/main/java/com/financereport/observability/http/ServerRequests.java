package com.financereport.observability.http;

import com.financereport.observability.ObservabilityRuntime;
import com.financereport.observability.internal.signals.Signals;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * The telemetry of HTTP server requests, for any server: with traces on, each request is a
 * recorded SERVER span, child of the caller's {@code traceparent}, with the HTTP semantic
 * conventions' attributes; with metrics on, each ends as one {@value #DURATION} point. With traces
 * off the trace is {@link IncomingTrace}'s, exactly as before: the caller's or a fresh root, so
 * every log line still has a trace id.
 */
public final class ServerRequests {
  public static final String DURATION = "http.server.request.duration";
  /** The semantic conventions' advice for {@value #DURATION}, in seconds. */
  static final List<Double> BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
  static final AttributeKey<String> SCHEME = AttributeKey.stringKey("url.scheme");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private static final TextMapSetter<BiConsumer<String, String>> RESPONSE_HEADERS =
      (set, key, value) -> {
        if (set != null) {
          set.accept(key, value);
        }
      };

  private final Tracer tracer;
  private final DoubleHistogram duration;
  private final boolean tracing;

  private ServerRequests(OpenTelemetry openTelemetry, boolean tracing) {
    this.tracer = openTelemetry.getTracer(Signals.SCOPE);
    this.duration =
        openTelemetry
            .getMeter(Signals.SCOPE)
            .histogramBuilder(DURATION)
            .setUnit("s")
            .setDescription("Duration of HTTP server requests")
            .setExplicitBucketBoundariesAdvice(BUCKETS)
            .build();
    this.tracing = tracing;
  }

  /** The requests of {@code runtime}'s process, on its traces and metrics. */
  public static ServerRequests of(ObservabilityRuntime runtime) {
    return new ServerRequests(
        runtime.signals().openTelemetry(), runtime.settings().traces().enabled());
  }

  /** For tests and embedders with an OpenTelemetry of their own. */
  public static ServerRequests of(OpenTelemetry openTelemetry, boolean tracing) {
    return new ServerRequests(openTelemetry, tracing);
  }

  /**
   * A request begins: its trace context, to make current for the request's work.
   *
   * @param path the path without the query string (never the query: tokens live there)
   * @param header the request's header value by name, null when absent
   * @param responseHeader sets a response header: the request's own {@code traceparent} goes out
   */
  public ServerRequest start(
      String method,
      String scheme,
      String path,
      UnaryOperator<String> header,
      BiConsumer<String, String> responseHeader) {
    long startNanos = System.nanoTime();
    Context context;
    Span span = null;
    if (tracing) {
      Context caller = IncomingTrace.caller(header);
      span =
          tracer
              .spanBuilder(method)
              .setParent(caller)
              .setSpanKind(SpanKind.SERVER)
              .setAttribute(METHOD, method)
              .setAttribute(SCHEME, scheme)
              .setAttribute(PATH, path)
              .startSpan();
      context = caller.with(span);
    } else {
      context = IncomingTrace.of(header);
    }
    W3CTraceContextPropagator.getInstance().inject(context, responseHeader, RESPONSE_HEADERS);
    return new ServerRequest(this, context, span, method, scheme, startNanos);
  }

  void end(ServerRequest request, String route, int status, Throwable error) {
    String errorType =
        error != null ? error.getClass().getName() : status >= 500 ? Integer.toString(status) : null;
    Span span = request.span();
    if (span != null) {
      if (route != null) {
        span.updateName(request.method() + " " + route);
        span.setAttribute(ROUTE, route);
      }
      span.setAttribute(STATUS, (long) status);
      if (errorType != null) {
        span.setAttribute(ERROR_TYPE, errorType);
        span.setStatus(StatusCode.ERROR);
      }
      span.end();
    }
    var attributes =
        Attributes.builder()
            .put(METHOD, request.method())
            .put(SCHEME, request.scheme())
            .put(STATUS, (long) status);
    if (route != null) {
      attributes.put(ROUTE, route);
    }
    if (errorType != null) {
      attributes.put(ERROR_TYPE, errorType);
    }
    duration.record((System.nanoTime() - request.startNanos()) / 1e9, attributes.build());
  }
}
