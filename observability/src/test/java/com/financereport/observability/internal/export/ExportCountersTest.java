package com.financereport.observability.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.financereport.observability.internal.export.ExportOutcome.Kind;
import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.status.ExportStatus;
import io.opentelemetry.sdk.common.CompletableResultCode;
import org.junit.jupiter.api.Test;

class ExportCountersTest {
  private static final ExportOutcome UNAVAILABLE =
      new ExportOutcome(Kind.RETRYABLE, "HTTP 503", "collector unavailable", null);
  private static final ExportOutcome BAD_REQUEST =
      new ExportOutcome(Kind.REJECTED, "HTTP 400", "the collector answered HTTP 400", null);

  private final ExportCounters counters =
      new ExportCounters(Redactor.builder().build(), () -> 7, 2048);

  @Test
  void aSuccessfulExportAfterAFailedProbeMarksTheEndpointReachable() {
    counters.endpointReachable(false);
    assertThat(counters.snapshot(false).healthy()).isFalse();

    counters.attempted(ExportOutcome.of(CompletableResultCode.ofSuccess()), 3);

    assertThat(counters.snapshot(false).delivery().endpointReachable()).isTrue();
    assertThat(counters.snapshot(false).healthy()).isTrue();
  }

  @Test
  void aFailureAfterSuccessIsCountedAsConsecutive() {
    counters.attempted(ExportOutcome.of(CompletableResultCode.ofSuccess()), 1);
    counters.attempted(UNAVAILABLE, 2);

    ExportStatus status = counters.snapshot(false);
    assertThat(status.delivery().consecutiveFailures()).isEqualTo(1);
    assertThat(status.delivery().lastErrorType()).isEqualTo("HTTP 503");
    assertThat(status.healthy()).isFalse();
  }

  @Test
  void aRejectionIsLostOnceUnderRejectedThoughBothItsAttemptAndItsEndAreReported() {
    counters.settled(counters.attempted(BAD_REQUEST, 4), 4);

    ExportStatus.Dropped dropped = counters.snapshot(false).dropped();
    assertThat(dropped.rejected()).isEqualTo(4);
    assertThat(dropped.total()).isEqualTo(4);
  }

  @Test
  void aPartialSuccessLosesOnlyTheRefusedRecords() {
    ExportOutcome partial =
        ExportOutcome.ofFailure(new PartialSuccessException(5, new PartialSuccess(2, "too old")));
    counters.settled(counters.attempted(partial, 5), 5);

    ExportStatus status = counters.snapshot(false);
    assertThat(status.delivery().exported()).isEqualTo(3);
    assertThat(status.delivery().consecutiveFailures()).isZero();
    assertThat(status.dropped().rejected()).isEqualTo(2);
    assertThat(status.dropped().total()).isEqualTo(2);
  }

  @Test
  void aRetryableEndIsAFailedExportWithoutASpoolAndTheSpoolsLossWithOne() {
    counters.settled(counters.attempted(UNAVAILABLE, 3), 3);

    assertThat(counters.snapshot(false).dropped().exportFailed()).isEqualTo(3);
    assertThat(counters.snapshot(true).dropped().spoolUnusable()).isEqualTo(3);
    assertThat(counters.snapshot(true).dropped().exportFailed()).isZero();
  }

  @Test
  void aFullQueueIsItsOwnCauseAndTheQueueFiguresAreRead() {
    counters.queueFull(9);

    ExportStatus status = counters.snapshot(false);
    assertThat(status.dropped().queueFull()).isEqualTo(9);
    assertThat(status.dropped().byCause()).containsEntry("queue_full", 9L);
    assertThat(status.queue()).isEqualTo(new ExportStatus.Queue(7, 2048));
  }
}
