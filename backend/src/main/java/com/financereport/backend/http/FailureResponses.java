package com.financereport.backend.http;

import com.financereport.observability.redaction.Redactor;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into JSON answers {@code {detail, request_id}}. Unexpected failures are logged
 * once as "HTTP Request Failed" with the exception and answered 500 with a generic detail, unless
 * DEBUG is on, so internals never reach a caller in production (and even then redacted).
 */
final class FailureResponses {
  static final String FAILURE_MESSAGE = "HTTP Request Failed";
  static final String GENERIC_DETAIL = "Internal server error";
  private static final Logger log = LoggerFactory.getLogger(FailureResponses.class);

  private final boolean debug;
  private final Redactor redactor;

  FailureResponses(boolean debug, Redactor redactor) {
    this.debug = debug;
    this.redactor = redactor;
  }

  void apiError(ApiError error, Context ctx) {
    respond(ctx, error.status(), error.getMessage());
  }

  void framework(HttpResponseException response, Context ctx) {
    respond(ctx, response.getStatus(), response.getMessage());
  }

  void unavailable(DependencyUnavailableException failure, Context ctx) {
    logFailure(failure, ctx);
    respond(ctx, 503, failure.getMessage());
  }

  void unexpected(Exception failure, Context ctx) {
    logFailure(failure, ctx);
    respond(ctx, 500, debug ? redactor.redactText(failure.toString()) : GENERIC_DETAIL);
  }

  private void logFailure(Exception failure, Context ctx) {
    log.atError()
        .setMessage(FAILURE_MESSAGE)
        .setCause(failure)
        .addKeyValue("method", ctx.method().name())
        .addKeyValue("route", RequestLog.route(ctx))
        .addKeyValue("error_type", failure.getClass().getName())
        .log();
  }

  private static void respond(Context ctx, int status, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("detail", detail);
    body.put("request_id", ctx.attribute(RequestContextFilter.REQUEST_ID_ATTRIBUTE));
    ctx.status(status).json(body);
  }
}
