package com.financereport.backend.health;

import com.financereport.observability.status.ExportStatus;
import java.util.function.Supplier;

/**
 * The OTLP export pipeline, from the library's live status: off is not_configured, failing is
 * degraded. Never "down": losing telemetry must not take the service out of rotation.
 */
public final class TelemetryCheck implements HealthCheck {
  private final Supplier<ExportStatus> status;

  public TelemetryCheck(Supplier<ExportStatus> status) {
    this.status = status;
  }

  @Override
  public CheckResult check() {
    ExportStatus current = status.get();
    if (!current.enabled()) {
      return CheckResult.notConfigured();
    }
    if (current.healthy()) {
      return CheckResult.up();
    }
    ExportStatus.Delivery delivery = current.delivery();
    if (Boolean.FALSE.equals(delivery.endpointReachable()) && delivery.consecutiveFailures() == 0) {
      return CheckResult.degraded("collector unreachable");
    }
    String reason = delivery.lastErrorType() != null ? delivery.lastErrorType() : "export failing";
    return CheckResult.degraded(
        reason + " (" + delivery.consecutiveFailures() + " consecutive failed exports)");
  }
}
