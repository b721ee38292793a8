package com.financereport.observability.internal.otlp;

import com.financereport.observability.internal.export.ExportCounters;
import com.financereport.observability.internal.export.ExportOutcome;
import com.financereport.observability.internal.export.Sender;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.util.Collection;

/**
 * The send stage: one request to the collector per batch, live or replayed from the spool, each
 * classified once as an {@link ExportOutcome} and counted in {@link ExportCounters}. A spooled
 * batch therefore never looks delivered, and a replayed one is counted when it is sent, not again.
 * The outcome also tells the queue whether log calls may wait for room, and the SDK's self-log
 * guard whether the collector is failing.
 */
final class SendStage implements Sender {
  private final Sender wire;
  private final ExportCounters counters;
  private final QueueSlots slots;
  private final SelfLogGuard selfLog;

  SendStage(Sender wire, ExportCounters counters, QueueSlots slots, SelfLogGuard selfLog) {
    this.wire = wire;
    this.counters = counters;
    this.slots = slots;
    this.selfLog = selfLog;
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    int count = logs.size();
    long started = System.nanoTime();
    CompletableResultCode result = wire.export(logs);
    result.whenComplete(
        () -> answered(counters.attempted(ExportOutcome.of(result), count), started));
    return result;
  }

  private void answered(ExportOutcome outcome, long startedNanos) {
    switch (outcome.kind()) {
      // A partial success: the collector answered, and fast.
      case EXPORTED, PARTIAL -> {
        long elapsed = System.nanoTime() - startedNanos;
        selfLog.succeeded();
        slots.collectorAnswered(elapsed);
      }
      case REJECTED, RETRYABLE -> {
        selfLog.failed();
        slots.collectorFailed();
      }
    }
  }

  /** Nothing waits here: a batch is on the wire once exported (the SDK's exporter buffers none). */
  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return wire.shutdown();
  }
}
