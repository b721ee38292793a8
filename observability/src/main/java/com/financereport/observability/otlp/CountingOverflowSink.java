package com.financereport.observability.otlp;

import ch.qos.logback.classic.Logger;
import com.financereport.observability.internal.export.ExportCounters;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** The overflow without a spool: counts the records as lost and says so at most once per interval. */
final class CountingOverflowSink implements OverflowSink {
  private final ExportCounters counters;
  private final Logger warnings;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final AtomicLong nextWarningAt;
  private final AtomicLong droppedSinceWarning = new AtomicLong();

  CountingOverflowSink(
      ExportCounters counters, Logger warnings, Duration interval, LongSupplier nanoClock) {
    this.counters = counters;
    this.warnings = warnings;
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
    this.nextWarningAt = new AtomicLong(nanoClock.getAsLong());
  }

  @Override
  public void accept(ReadWriteLogRecord record) {
    counters.queueFull(1);
    droppedSinceWarning.incrementAndGet();
    long now = nanoClock.getAsLong();
    long due = nextWarningAt.get();
    // One thread wins the slot; the others only count.
    if (now - due >= 0 && nextWarningAt.compareAndSet(due, now + intervalNanos)) {
      long since = droppedSinceWarning.getAndSet(0);
      warnings.warn(
          "OTLP export queue is full: dropped {} log record(s) since the last warning, {} in total;"
              + " the collector is slower than the application logs (stdout still has every line)",
          since,
          counters.lostSoFar());
    }
  }
}
