package com.financereport.observability.otlp;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;

/**
 * Sits in front of the batch processor and admits a record only when the batch queue has room;
 * the surplus goes to the {@link OverflowSink} instead of being dropped silently inside the SDK.
 * While the {@link QueueFullWaitGate} allows it (the collector keeps pace), the emitting thread
 * first waits a bounded time for room: back-pressure, so that a burst beyond what the exporter
 * ships slows the log calls down instead of filling the disk.
 */
final class QueueAdmissionProcessor implements LogRecordProcessor {
  private final LogRecordProcessor batch;
  private final InFlightRecords inFlight;
  private final OverflowSink overflow;
  private final QueueFullWaitGate waitGate;
  private final ConcurrentExports exports;

  QueueAdmissionProcessor(
      LogRecordProcessor batch,
      InFlightRecords inFlight,
      OverflowSink overflow,
      QueueFullWaitGate waitGate,
      ConcurrentExports exports) {
    this.batch = batch;
    this.inFlight = inFlight;
    this.overflow = overflow;
    this.waitGate = waitGate;
    this.exports = exports;
  }

  @Override
  public void onEmit(Context context, ReadWriteLogRecord logRecord) {
    if (inFlight.tryAdmit() || waitedForRoom()) {
      batch.onEmit(context, logRecord);
    } else {
      overflow.accept(logRecord);
    }
  }

  private boolean waitedForRoom() {
    long wait = waitGate.allowedWaitNanos();
    if (wait <= 0) {
      return false;
    }
    if (inFlight.admit(wait)) {
      return true;
    }
    if (!Thread.currentThread().isInterrupted()) {
      waitGate.waitRanOut();
    }
    return false;
  }

  /** Completes when what was queued has been exported, not merely handed to an export. */
  @Override
  public CompletableResultCode forceFlush() {
    return exports.afterIdle(batch.forceFlush());
  }

  @Override
  public CompletableResultCode shutdown() {
    return batch.shutdown();
  }
}
