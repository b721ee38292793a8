package com.financereport.observability.status;

import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.settings.ObservabilitySettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The redacted runtime view served by /health and logged once at start as "Observability runtime
 * configured". It never holds the endpoint URL, headers, keys or tokens.
 */
public record ObservabilitySnapshot(
    boolean exporterConfigured,
    boolean logsExportEnabled,
    boolean tracesExportEnabled,
    boolean metricsExportEnabled,
    String exportDisabledReason,
    String serviceName,
    String deploymentEnvironment,
    String serviceVersion,
    Map<String, String> resourceAttributes,
    ExportStatus export,
    SignalStatus traces,
    SignalStatus metrics) {

  /** The snapshot of a process whose traces and metrics have not started. */
  public static ObservabilitySnapshot of(
      ObservabilitySettings settings, Redactor redactor, ExportStatus export) {
    return of(
        settings,
        redactor,
        export,
        SignalStatus.off(settings.traces().disabledReason()),
        SignalStatus.off(settings.metrics().disabledReason()));
  }

  public static ObservabilitySnapshot of(
      ObservabilitySettings settings,
      Redactor redactor,
      ExportStatus export,
      SignalStatus traces,
      SignalStatus metrics) {
    Map<String, String> resource = new LinkedHashMap<>();
    settings
        .resource()
        .forEach(
            (k, v) -> resource.put(k, redactor.isSecretKey(k) ? Redactor.REDACTED : redactor.redactText(v)));
    return new ObservabilitySnapshot(
        settings.export().enabled() || traces.enabled() || metrics.enabled(),
        settings.export().enabled(),
        traces.enabled(),
        metrics.enabled(),
        settings.export().disabledReason(),
        settings.serviceName(),
        settings.environment(),
        settings.serviceVersion(),
        java.util.Collections.unmodifiableMap(resource),
        export,
        traces,
        metrics);
  }

  // Members a log line already carries as its resource fields (service.name, deployment.environment,
  // service.version): /health has them, the start-up event leaves them out.
  private static final String SERVICE_NAME = "service_name";
  private static final String DEPLOYMENT_ENVIRONMENT = "deployment_environment";
  private static final String SERVICE_VERSION = "service_version";

  /**
   * The members of the start-up event: {@link #toMap()} without those every log line carries as
   * its dotted resource fields, so the event names the service once.
   */
  public Map<String, Object> eventMembers() {
    Map<String, Object> members = toMap();
    members.remove(SERVICE_NAME);
    members.remove(DEPLOYMENT_ENVIRONMENT);
    members.remove(SERVICE_VERSION);
    return members;
  }

  /** The snapshot as plain maps and values, ready for any JSON writer. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("exporter_configured", exporterConfigured);
    map.put("logs_export_enabled", logsExportEnabled);
    map.put("traces_export_enabled", tracesExportEnabled);
    map.put("metrics_export_enabled", metricsExportEnabled);
    if (exportDisabledReason != null) {
      map.put("export_disabled_reason", exportDisabledReason);
    }
    map.put(SERVICE_NAME, serviceName);
    map.put(DEPLOYMENT_ENVIRONMENT, deploymentEnvironment);
    map.put(SERVICE_VERSION, serviceVersion);
    map.put("resource_attributes", resourceAttributes);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("exported", export.exported());
    figures.put("failed", export.failed());
    figures.put("dropped", export.dropped());
    figures.put("queued", export.queued());
    figures.put("rejected", export.rejected());
    figures.put("spooled", export.spooled());
    figures.put("spooled_bytes", export.spooledBytes());
    figures.put("oldest_spooled_age_ms", export.oldestSpooledAgeMillis());
    figures.put("replayed", export.replayed());
    figures.put("dropped_for_budget", export.droppedForBudget());
    figures.put("corrupt_skipped", export.corruptSkipped());
    figures.put("last_success", export.lastSuccess() == null ? null : export.lastSuccess().toString());
    figures.put("last_error", export.lastError());
    figures.put("last_error_type", export.lastErrorType());
    figures.put("consecutive_failures", export.consecutiveFailures());
    figures.put("endpoint_reachable", export.endpointReachable());
    map.put("export", figures);
    map.put("traces", signal(traces, "spans"));
    map.put("metrics", signal(metrics, "data_points"));
    return map;
  }

  /** One opt-in signal; {@code unit} names what its counts count. */
  private static Map<String, Object> signal(SignalStatus status, String unit) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("enabled", status.enabled());
    if (!status.enabled()) {
      map.put("disabled_reason", status.disabledReason());
      return map;
    }
    map.put("endpoint", status.endpoint());
    map.put("unit", unit);
    map.put("exported", status.exported());
    map.put("failed", status.failed());
    map.put("dropped", status.dropped());
    map.put("last_success", status.lastSuccess() == null ? null : status.lastSuccess().toString());
    map.put("last_error", status.lastError());
    return map;
  }
}
