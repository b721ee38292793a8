package com.financereport.backend.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.status.ExportStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TelemetryCheckTest {
  private static ExportStatus exporting(long consecutiveFailures, Boolean reachable) {
    String error = consecutiveFailures > 0 ? "HTTP 503" : null;
    return new ExportStatus(
        true,
        ExportStatus.Queue.EMPTY,
        new ExportStatus.Delivery(
            10, consecutiveFailures, 0, Instant.EPOCH, error, error, consecutiveFailures, reachable),
        ExportStatus.Spool.NONE,
        ExportStatus.Dropped.NONE);
  }

  @Test
  void exportOffIsNotConfigured() {
    assertThat(new TelemetryCheck(ExportStatus::disabled).check().status()).isEqualTo(CheckStatus.NOT_CONFIGURED);
  }

  @Test
  void exportingWithoutFailuresIsUp() {
    assertThat(new TelemetryCheck(() -> exporting(0, true)).check().status()).isEqualTo(CheckStatus.UP);
  }

  @Test
  void unreachableCollectorIsDegradedNeverDown() {
    CheckResult result = new TelemetryCheck(() -> exporting(0, false)).check();

    assertThat(result.status()).isEqualTo(CheckStatus.DEGRADED);
    assertThat(result.error()).isEqualTo("collector unreachable");
  }

  @Test
  void failingExportsAreDegradedWithTheErrorTypeAndCount() {
    CheckResult result = new TelemetryCheck(() -> exporting(4, true)).check();

    assertThat(result.status()).isEqualTo(CheckStatus.DEGRADED);
    assertThat(result.error()).isEqualTo("HTTP 503 (4 consecutive failed exports)");
  }
}
