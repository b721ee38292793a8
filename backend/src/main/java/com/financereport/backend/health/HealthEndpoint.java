package com.financereport.backend.health;

import com.financereport.backend.http.Routes;
import com.financereport.observability.ObservabilityRuntime;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health} and {@code /api/health}: 200 when every configured dependency is up, 503
 * otherwise; telemetry shows as degraded but never causes 503.
 */
public final class HealthEndpoint implements Routes {
  private static final Logger log = LoggerFactory.getLogger(HealthEndpoint.class);

  private final HealthChecks checks;
  private final ObservabilityRuntime observability;
  private final String version;

  public HealthEndpoint(HealthChecks checks, ObservabilityRuntime observability, String version) {
    this.checks = checks;
    this.observability = observability;
    this.version = version;
  }

  @Override
  public void register(JavalinDefaultRoutingApi router) {
    router.get("/health", this::handle);
    router.get("/api/health", this::handle);
  }

  private void handle(Context ctx) {
    Map<String, Object> body;
    int status;
    try {
      HealthVerdict verdict = checks.runAll();
      status = verdict.healthy() ? 200 : 503;
      body = new LinkedHashMap<>();
      body.put("status", !verdict.healthy() ? "unhealthy" : verdict.degraded() ? "degraded" : "ok");
      body.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
      body.put("version", version);
      body.put("git_sha", observability.settings().serviceVersion());
      Map<String, Object> results = new LinkedHashMap<>();
      verdict.checks().forEach((name, result) -> results.put(name, result.toMap()));
      body.put("checks", results);
      body.put("observability", observability.snapshot().toMap());
    } catch (RuntimeException e) {
      // The probe itself broke: say so without a stack trace, and fail closed.
      log.atError().setMessage("Health check failed unexpectedly").setCause(e).log();
      status = 503;
      body = new LinkedHashMap<>();
      body.put("status", "error");
      body.put("error", "health check failed unexpectedly");
      body.put("error_type", e.getClass().getSimpleName());
    }
    ctx.status(status).json(body);
  }
}
