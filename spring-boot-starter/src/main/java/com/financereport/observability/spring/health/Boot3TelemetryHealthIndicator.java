package com.financereport.observability.spring.health;

import com.financereport.observability.status.ExportStatus;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/** The {@code telemetry} contributor on Spring Boot 3 ({@code org.springframework.boot.actuate.health}). */
public final class Boot3TelemetryHealthIndicator implements HealthIndicator {
  private final Supplier<ExportStatus> status;

  public Boot3TelemetryHealthIndicator(Supplier<ExportStatus> status) {
    this.status = status;
  }

  @Override
  public Health health() {
    TelemetryAssessment assessment = TelemetryAssessment.of(status.get());
    return Health.status(new Status(assessment.status())).withDetails(assessment.details()).build();
  }
}
