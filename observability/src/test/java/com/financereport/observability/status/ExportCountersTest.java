package com.financereport.observability.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportCountersTest {

  @Test
  void aSuccessfulExportAfterAFailedProbeMarksTheEndpointReachable() {
    ExportCounters counters = new ExportCounters(() -> 0);
    counters.recordEndpointReachable(false);
    assertThat(counters.snapshot().healthy()).isFalse();

    counters.recordExported(3);

    assertThat(counters.snapshot().endpointReachable()).isTrue();
    assertThat(counters.snapshot().healthy()).isTrue();
  }

  @Test
  void aFailureAfterSuccessIsCountedAsConsecutive() {
    ExportCounters counters = new ExportCounters(() -> 0);
    counters.recordExported(1);
    counters.recordFailed(2, "HTTP 503", "collector unavailable");

    ExportStatus status = counters.snapshot();
    assertThat(status.consecutiveFailures()).isEqualTo(1);
    assertThat(status.lastErrorType()).isEqualTo("HTTP 503");
    assertThat(status.healthy()).isFalse();
  }
}
