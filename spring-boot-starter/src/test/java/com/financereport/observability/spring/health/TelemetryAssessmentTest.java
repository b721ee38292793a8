package com.financereport.observability.spring.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.status.ExportStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TelemetryAssessmentTest {
  private static ExportStatus exporting(long spooled, long consecutiveFailures, Boolean reachable) {
    return new ExportStatus(
        true,
        ExportStatus.Queue.EMPTY,
        new ExportStatus.Delivery(10, 0, 0, Instant.EPOCH, null, null, consecutiveFailures, reachable),
        new ExportStatus.Spool(spooled, spooled * 100, 0, 0, 0),
        ExportStatus.Dropped.NONE);
  }

  @Test
  void exportOffIsUp() {
    assertThat(TelemetryAssessment.of(ExportStatus.disabled()).status()).isEqualTo("UP");
  }

  @Test
  void deliveringIsUp() {
    assertThat(TelemetryAssessment.of(exporting(0, 0, true)).status()).isEqualTo("UP");
  }

  @Test
  void recordsWaitingInTheSpoolAreDegraded() {
    assertThat(TelemetryAssessment.of(exporting(5, 0, true)).status()).isEqualTo("DEGRADED");
  }

  @Test
  void anUnreachableCollectorIsDegraded() {
    assertThat(TelemetryAssessment.of(exporting(0, 0, false)).status()).isEqualTo("DEGRADED");
  }

  @Test
  void failingExportsAreDegraded() {
    assertThat(TelemetryAssessment.of(exporting(0, 3, true)).status()).isEqualTo("DEGRADED");
  }

  @Test
  void theDetailsNeverNameTheEndpoint() {
    assertThat(TelemetryAssessment.of(exporting(0, 0, true)).details().keySet())
        .doesNotContain("endpoint", "headers");
  }
}
