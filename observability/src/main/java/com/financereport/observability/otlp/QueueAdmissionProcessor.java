package com.financereport.observability.otlp;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;

/**
 * Sits in front of the batch processor and admits a record only when the batch queue has room;
 * the surplus goes to the {@link OverflowSink} instead of being dropped silently inside the SDK.
 * With a queue-full wait configured, the emitting thread first waits up to that long for room:
 * back-pressure for services that prefer a slower log call to a record on disk.
 */
final class QueueAdmissionProcessor implements LogRecordProcessor {
  private final LogRecordProcessor batch;
  private final InFlightRecords inFlight;
  private final OverflowSink overflow;
  private final long queueFullWaitNanos;

  QueueAdmissionProcessor(
      LogRecordProcessor batch,
      InFlightRecords inFlight,
      OverflowSink overflow,
      long queueFullWaitNanos) {
    this.batch = batch;
    this.inFlight = inFlight;
    this.overflow = overflow;
    this.queueFullWaitNanos = queueFullWaitNanos;
  }

  @Override
  public void onEmit(Context context, ReadWriteLogRecord logRecord) {
    if (inFlight.admit(queueFullWaitNanos)) {
      batch.onEmit(context, logRecord);
    } else {
      overflow.accept(logRecord);
    }
  }

  @Override
  public CompletableResultCode forceFlush() {
    return batch.forceFlush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return batch.shutdown();
  }
}
