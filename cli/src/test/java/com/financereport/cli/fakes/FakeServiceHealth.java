package com.financereport.cli.fakes;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's GET /health with the documented body: {status, timestamp, version, git_sha,
 * checks{database, redis, s3, telemetry}, observability{…, traces{…}}}; 200 when healthy, 503
 * otherwise. Traces are on by default, with the figures ObservabilitySnapshot reports.
 * Tests change one field at a time from a healthy production default.
 */
public final class FakeServiceHealth implements AutoCloseable {
  private final FakeHttpServer server = new FakeHttpServer(this::route);
  private final Map<String, String> checks = new LinkedHashMap<>();
  private int status = 200;
  private String gitSha = "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39";
  private String serviceName = "finance-report-backend";
  private String environment = "production";
  private boolean logsExportEnabled = true;

  public FakeServiceHealth() {
    checks.put("database", "up");
    checks.put("redis", "up");
    checks.put("s3", "not_configured");
    checks.put("telemetry", "up");
  }

  public URI baseUri() {
    return server.baseUri();
  }

  public synchronized FakeServiceHealth check(String name, String state) {
    checks.put(name, state);
    return this;
  }

  public synchronized FakeServiceHealth status(int httpStatus) {
    this.status = httpStatus;
    return this;
  }

  public synchronized FakeServiceHealth gitSha(String sha) {
    this.gitSha = sha;
    return this;
  }

  public synchronized FakeServiceHealth serviceName(String name) {
    this.serviceName = name;
    return this;
  }

  public synchronized FakeServiceHealth environment(String name) {
    this.environment = name;
    return this;
  }

  /** Export figures of a service whose collector is failing: as ObservabilitySnapshot reports them. */
  public synchronized FakeServiceHealth exportFailing(long failedRecords, long consecutiveFailures, String errorType) {
    this.failedRecords = failedRecords;
    this.consecutiveFailures = consecutiveFailures;
    this.lastErrorType = errorType;
    return this;
  }

  public synchronized FakeServiceHealth logsExportEnabled(boolean enabled) {
    this.logsExportEnabled = enabled;
    return this;
  }

  /** Traces off, as the snapshot reports a signal that is off: enabled false and why. */
  public synchronized FakeServiceHealth tracesOff(String reason) {
    this.tracesDisabledReason = reason;
    return this;
  }

  /** Span export that never succeeded: no last_success, this last_error. */
  public synchronized FakeServiceHealth tracesNeverExported(String lastError) {
    this.tracesLastError = lastError;
    return this;
  }

  private String tracesDisabledReason;
  private String tracesLastError;
  private long failedRecords;
  private long consecutiveFailures;
  private String lastErrorType;

  private synchronized FakeResponse route(RecordedRequest request) {
    if (!request.path().equals("/health") || !request.method().equals("GET")) {
      return FakeResponse.json(404, Map.of("error", "not found"));
    }
    Map<String, Object> checkBodies = new LinkedHashMap<>();
    checks.forEach((name, state) -> checkBodies.put(name, Map.of("status", state, "latency_ms", 3)));
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("exported", 1204);
    export.put("failed", failedRecords);
    export.put("dropped", 0);
    export.put("spooled", 0);
    export.put("last_success", Instant.now().toString());
    export.put("last_error", lastErrorType == null ? null : "export failed");
    export.put("last_error_type", lastErrorType);
    export.put("consecutive_failures", consecutiveFailures);
    export.put("endpoint_reachable", lastErrorType == null);
    Map<String, Object> observability = new LinkedHashMap<>();
    observability.put("exporter_configured", logsExportEnabled);
    observability.put("logs_export_enabled", logsExportEnabled);
    observability.put("traces_export_enabled", tracesDisabledReason == null);
    observability.put("metrics_export_enabled", false);
    if (!logsExportEnabled) {
      observability.put("export_disabled_reason", "no endpoint configured (OTEL_EXPORTER_OTLP_ENDPOINT is unset)");
    }
    observability.put("service_name", serviceName);
    observability.put("deployment_environment", environment);
    observability.put("service_version", gitSha);
    observability.put(
        "resource_attributes",
        Map.of("service.name", serviceName, "deployment.environment", environment, "service.version", gitSha));
    observability.put("export", export);
    observability.put("traces", traces());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status == 200 ? "healthy" : "unhealthy");
    body.put("timestamp", Instant.now().toString());
    body.put("version", "1.4.2");
    body.put("git_sha", gitSha);
    body.put("checks", checkBodies);
    body.put("observability", observability);
    return FakeResponse.json(status, body);
  }

  private Map<String, Object> traces() {
    Map<String, Object> traces = new LinkedHashMap<>();
    traces.put("enabled", tracesDisabledReason == null);
    if (tracesDisabledReason != null) {
      traces.put("disabled_reason", tracesDisabledReason);
      return traces;
    }
    traces.put("endpoint", "http://collector:4318/v1/traces");
    traces.put("unit", "spans");
    traces.put("exported", tracesLastError == null ? 310 : 0);
    traces.put("failed", tracesLastError == null ? 0 : 12);
    traces.put("dropped", 0);
    traces.put("last_success", tracesLastError == null ? Instant.now().toString() : null);
    traces.put("last_error", tracesLastError);
    return traces;
  }

  @Override
  public void close() {
    server.close();
  }
}
