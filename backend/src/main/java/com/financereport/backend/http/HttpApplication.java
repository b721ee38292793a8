package com.financereport.backend.http;

import com.financereport.observability.http.ServerRequests;
import com.financereport.observability.redaction.Redactor;
import io.opentelemetry.api.OpenTelemetry;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;

/** Builds the Javalin application: request context, request log, JSON failures and the routes. */
public final class HttpApplication {
  // Statements are small documents (CSV, PDF); anything larger is refused with 413.
  private static final long MAX_REQUEST_BYTES = 10L * 1024 * 1024;

  private HttpApplication() {}

  /** As below, with request telemetry that records no span and no metric. */
  public static Javalin create(boolean debug, Redactor redactor, List<Routes> routes) {
    return create(debug, redactor, ServerRequests.of(OpenTelemetry.noop(), false), routes);
  }

  /**
   * @param debug DEBUG=true: 500 answers show the (redacted) exception instead of a generic detail
   * @param redactor the process's one redactor
   * @param requests the server span and duration of each request (when traces and metrics are on)
   */
  public static Javalin create(
      boolean debug, Redactor redactor, ServerRequests requests, List<Routes> routes) {
    FailureResponses failures = new FailureResponses(debug, redactor);
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.http.maxRequestSize = MAX_REQUEST_BYTES;
          config.jetty.modifyServletContextHandler(
              handler ->
                  handler.addFilter(
                      new FilterHolder(new RequestContextFilter(requests)),
                      "/*",
                      EnumSet.of(DispatcherType.REQUEST)));
          config.requestLogger.http(new RequestLog());
          config.routes.exception(ApiError.class, failures::apiError);
          // Javalin's own answers (unknown path 404, 405, 413) get the same JSON body.
          config.routes.exception(HttpResponseException.class, failures::framework);
          config.routes.exception(DependencyUnavailableException.class, failures::unavailable);
          config.routes.exception(Exception.class, failures::unexpected);
          routes.forEach(group -> group.register(config.routes));
        });
  }
}
