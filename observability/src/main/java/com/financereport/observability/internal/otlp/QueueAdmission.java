package com.financereport.observability.internal.otlp;

import ch.qos.logback.classic.Logger;
import com.financereport.observability.internal.export.ExportCounters;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The admission stage, on the application thread: a record enters the batch processor only when
 * {@link QueueSlots} has room (after the bounded wait it allows); the surplus goes to the spool,
 * or, without one, is counted as lost and said at most once per interval, instead of being dropped
 * silently inside the SDK.
 */
final class QueueAdmission implements LogRecordProcessor {
  private final LogRecordProcessor batch;
  private final QueueSlots slots;
  private final ConcurrentExports exports;
  private final SpoolStage spool; // null: no spool, the surplus is only counted
  private final ExportCounters counters;
  private final Logger warnings;
  private final long warningIntervalNanos;
  private final LongSupplier nanoClock;
  private final AtomicLong nextWarningAt;
  private final AtomicLong droppedSinceWarning = new AtomicLong();

  QueueAdmission(
      LogRecordProcessor batch,
      QueueSlots slots,
      ConcurrentExports exports,
      SpoolStage spool,
      ExportCounters counters,
      Logger warnings,
      Duration warningInterval,
      LongSupplier nanoClock) {
    this.batch = batch;
    this.slots = slots;
    this.exports = exports;
    this.spool = spool;
    this.counters = counters;
    this.warnings = warnings;
    this.warningIntervalNanos = warningInterval.toNanos();
    this.nanoClock = nanoClock;
    this.nextWarningAt = new AtomicLong(nanoClock.getAsLong());
  }

  @Override
  public void onEmit(Context context, ReadWriteLogRecord logRecord) {
    if (slots.admit()) {
      batch.onEmit(context, logRecord);
    } else if (spool != null) {
      spool.accept(logRecord);
    } else {
      dropped();
    }
  }

  /** Costs the application thread two counter increments; one thread in an interval warns. */
  private void dropped() {
    counters.queueFull(1);
    droppedSinceWarning.incrementAndGet();
    long now = nanoClock.getAsLong();
    long due = nextWarningAt.get();
    if (now - due >= 0 && nextWarningAt.compareAndSet(due, now + warningIntervalNanos)) {
      warnings.warn(
          "OTLP export queue is full: dropped {} log record(s) since the last warning, {} in total;"
              + " the collector is slower than the application logs (stdout still has every line)",
          droppedSinceWarning.getAndSet(0),
          counters.lostSoFar());
    }
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
