package com.financereport.observability.spring.health;

import com.financereport.observability.status.ExportStatus;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** The {@code telemetry} contributor on Spring Boot 4 ({@code org.springframework.boot.health.contributor}). */
public final class Boot4TelemetryHealthIndicator implements HealthIndicator {
  private final Supplier<ExportStatus> status;

  public Boot4TelemetryHealthIndicator(Supplier<ExportStatus> status) {
    this.status = status;
  }

  @Override
  public Health health() {
    TelemetryAssessment assessment = TelemetryAssessment.of(status.get());
    return Health.status(new Status(assessment.status())).withDetails(assessment.details()).build();
  }
}
