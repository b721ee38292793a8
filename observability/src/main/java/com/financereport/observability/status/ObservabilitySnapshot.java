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
    map.put("export", exportFigures(export));
    map.put("traces", signal(traces, "spans"));
    map.put("metrics", signal(metrics, "data_points"));
    return map;
  }

  /**
   * The log export's figures. The members stay flat, as before the status became a tree, so that
   * scripts and {@code obs verify} keep reading them; {@code dropped_by_cause} splits {@code
   * dropped}.
   */
  private static Map<String, Object> exportFigures(ExportStatus export) {
    ExportStatus.Delivery delivery = export.delivery();
    ExportStatus.Spool spool = export.spool();
    ExportStatus.Dropped dropped = export.dropped();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("exported", delivery.exported());
    figures.put("failed", delivery.failed());
    figures.put("dropped", dropped.total());
    figures.put("dropped_by_cause", dropped.byCause());
    figures.put("queued", export.queue().size());
    figures.put("queue_capacity", export.queue().capacity());
    figures.put("rejected", delivery.rejected());
    figures.put("spooled", spool.records());
    figures.put("spooled_bytes", spool.bytes());
    figures.put("oldest_spooled_age_ms", spool.oldestAgeMillis());
    figures.put("replayed", spool.replayed());
    figures.put("dead_lettered", spool.deadLettered());
    figures.put("dropped_for_budget", dropped.spoolBudget());
    figures.put("corrupt_skipped", dropped.spoolCorrupt());
    figures.put(
        "last_success", delivery.lastSuccess() == null ? null : delivery.lastSuccess().toString());
    figures.put("last_error", delivery.lastError());
    figures.put("last_error_type", delivery.lastErrorType());
    figures.put("consecutive_failures", delivery.consecutiveFailures());
    figures.put("endpoint_reachable", delivery.endpointReachable());
    return figures;
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
