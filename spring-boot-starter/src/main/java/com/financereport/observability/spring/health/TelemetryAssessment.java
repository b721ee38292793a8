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
    ExportStatus.Delivery delivery = export.delivery();
    boolean degraded = !export.healthy() || export.spool().records() > 0;
    details.put("endpoint_reachable", delivery.endpointReachable());
    details.put("exported", delivery.exported());
    details.put("failed", delivery.failed());
    details.put("dropped", export.dropped().total());
    details.put("dropped_by_cause", export.dropped().byCause());
    details.put("queued", export.queue().size());
    details.put("spooled", export.spool().records());
    details.put("consecutive_failures", delivery.consecutiveFailures());
    if (delivery.lastSuccess() != null) {
      details.put("last_success", delivery.lastSuccess().toString());
    }
    if (delivery.lastErrorType() != null) {
      details.put("last_error_type", delivery.lastErrorType());
    }
    return new TelemetryAssessment(degraded ? DEGRADED : UP, details);
  }
}
