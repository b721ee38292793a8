package com.financereport.observability.spring.health;

import com.financereport.observability.status.ExportStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code telemetry} health contributor says, for either Spring Boot health API. UP when
 * export is off (nothing to fail) or delivering; {@value #DEGRADED} when the collector is
 * unreachable, exports are failing or records wait on disk. DEGRADED is a custom status, outside
 * Boot's default status order, so it never changes the application's overall status or HTTP code
 * unless the application lists it in {@code management.endpoint.health.status.order}.
 *
 * @param status {@code UP} or {@value #DEGRADED}
 * @param details the export figures, redacted by construction (no endpoint, no headers)
 */
public record TelemetryAssessment(String status, Map<String, Object> details) {
  public static final String UP = "UP";
  public static final String DEGRADED = "DEGRADED";

  public static TelemetryAssessment of(ExportStatus export) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("exporting", export.enabled());
    if (!export.enabled()) {
      return new TelemetryAssessment(UP, details);
    }
    boolean degraded = !export.healthy() || export.spooled() > 0;
    details.put("endpoint_reachable", export.endpointReachable());
    details.put("exported", export.exported());
    details.put("failed", export.failed());
    details.put("dropped", export.dropped());
    details.put("queued", export.queued());
    details.put("spooled", export.spooled());
    details.put("consecutive_failures", export.consecutiveFailures());
    if (export.lastSuccess() != null) {
      details.put("last_success", export.lastSuccess().toString());
    }
    if (export.lastErrorType() != null) {
      details.put("last_error_type", export.lastErrorType());
    }
    return new TelemetryAssessment(degraded ? DEGRADED : UP, details);
  }
}
