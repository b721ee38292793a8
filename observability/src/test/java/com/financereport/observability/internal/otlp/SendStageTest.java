package com.financereport.observability.internal.otlp;

import com.financereport.observability.internal.otlp.QueueSlots;
import com.financereport.observability.internal.otlp.SdkSelfLogRateLimiter;
import com.financereport.observability.internal.otlp.SelfLogGuard;
import com.financereport.observability.internal.otlp.SendStage;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.financereport.observability.internal.export.ExportCounters;
import com.financereport.observability.redaction.Redactor;
import com.financereport.observability.status.ExportStatus;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.testing.logs.TestLogRecordData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SendStageTest {
  private static final long BOUND = TimeUnit.SECONDS.toNanos(30);

  private final HeldExports wire = new HeldExports();
  private final QueueSlots slots = new QueueSlots(8, BOUND);
  private final ExportCounters counters =
      new ExportCounters(Redactor.builder().build(), slots::unsettled, 8);
  private final LoggerContext context = new LoggerContext();
  private final SdkSelfLogRateLimiter limiter =
      new SdkSelfLogRateLimiter(Duration.ofMinutes(1), System::nanoTime);
  private final SendStage send =
      new SendStage(
          wire,
          counters,
          slots,
          new SelfLogGuard(context, limiter, Duration.ofMinutes(1).toNanos(), System::nanoTime));

  @Test
  void anAcceptedAttemptIsCountedAsExportedAndLetsLogCallsWaitAgain() {
    slots.collectorFailed();
    send.export(batch(3));

    wire.results.get(0).succeed();

    assertThat(counters.snapshot(true).delivery().exported()).isEqualTo(3);
    assertThat(slots.allowedWaitNanos()).isEqualTo(BOUND);
    assertThat(context.getTurboFilterList()).as("the SDK's lines need no limiter").isEmpty();
  }

  @Test
  void aFailedAttemptIsCountedOnceAndStopsLogCallsFromWaiting() {
    send.export(batch(2));

    wire.results.get(0).fail();

    ExportStatus.Delivery delivery = counters.snapshot(true).delivery();
    assertThat(delivery.failed()).isEqualTo(2);
    assertThat(delivery.consecutiveFailures()).isEqualTo(1);
    assertThat(slots.allowedWaitNanos()).isZero();
    assertThat(context.getTurboFilterList()).containsExactly(limiter);
  }

  @Test
  void everyAttemptOfTheSameBatchIsCountedAsItsOwnAttempt() {
    List<LogRecordData> batch = batch(2);
    send.export(batch);
    send.export(batch); // as the replayer sends a spooled batch again

    wire.results.get(0).fail();
    wire.results.get(1).succeed();

    ExportStatus.Delivery delivery = counters.snapshot(true).delivery();
    assertThat(delivery.failed()).isEqualTo(2);
    assertThat(delivery.exported()).isEqualTo(2);
    assertThat(delivery.consecutiveFailures()).isZero();
  }

  private static List<LogRecordData> batch(int records) {
    List<LogRecordData> batch = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      batch.add(TestLogRecordData.builder().setBody("record " + i).build());
    }
    return batch;
  }
}
