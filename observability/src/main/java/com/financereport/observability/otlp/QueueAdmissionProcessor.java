package com.financereport.observability.otlp;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;

/**
 * Sits in front of the batch processor and admits a record only when the batch queue has room;
 * the surplus goes to the {@link OverflowSink} instead of being dropped silently inside the SDK.
 */
final class QueueAdmissionProcessor implements LogRecordProcessor {
  private final LogRecordProcessor batch;
  private final InFlightRecords inFlight;
  private final OverflowSink overflow;

  QueueAdmissionProcessor(LogRecordProcessor batch, InFlightRecords inFlight, OverflowSink overflow) {
    this.batch = batch;
    this.inFlight = inFlight;
    this.overflow = overflow;
  }

  @Override
  public void onEmit(Context context, ReadWriteLogRecord logRecord) {
    if (inFlight.tryAdmit()) {
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
