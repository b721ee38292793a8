package com.financereport.observability.internal.spool;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Writes records the in-memory queue could not hold to the spool on a thread of its own, so the
 * caller (possibly an application thread) never waits on the disk. A bounded hand-off: when it is
 * full, or closed, the records are counted as dropped.
 */
final class OverflowWriter {
  private static final int HANDOFF_BATCHES = 256;

  private final DiskSpool spool;
  private final SpoolCounters counters;
  private final AtomicInteger queued = new AtomicInteger();
  private final ThreadPoolExecutor thread =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(HANDOFF_BATCHES),
          runnable -> {
            Thread writer = new Thread(runnable, "observability-spool-writer");
            writer.setDaemon(true);
            return writer;
          });

  OverflowWriter(DiskSpool spool, SpoolCounters counters) {
    this.spool = spool;
    this.counters = counters;
  }

  /** Spools {@code count} records, made by {@code records} on the writer's thread. */
  void spool(int count, Supplier<List<LogRecordData>> records) {
    if (count == 0) {
      return;
    }
    queued.incrementAndGet();
    try {
      thread.execute(
          () -> {
            try {
              if (!spool.append(records.get())) {
                counters.dropped.addAndGet(count);
              }
            } finally {
              queued.decrementAndGet();
            }
          });
    } catch (RuntimeException rejected) {
      queued.decrementAndGet();
      counters.dropped.addAndGet(count); // hand-off full or closed
    }
  }

  /** Whether nothing handed off waits to be written. */
  boolean idle() {
    return queued.get() == 0;
  }

  /** Waits until what was handed off so far is on disk, at most until {@code deadlineNanos}. */
  void awaitWritten(long deadlineNanos) {
    // Queue a marker and wait for it: everything handed off before it is then on disk.
    CompletableResultCode marker = new CompletableResultCode();
    try {
      thread.execute(marker::succeed);
    } catch (RuntimeException rejected) {
      try {
        thread.awaitTermination(remaining(deadlineNanos), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    marker.join(remaining(deadlineNanos), TimeUnit.NANOSECONDS);
  }

  /** Takes no more, and writes what it holds, by {@code deadlineNanos}. */
  void close(long deadlineNanos) {
    thread.shutdown();
    awaitWritten(deadlineNanos);
  }

  private static long remaining(long deadlineNanos) {
    return Math.max(0, deadlineNanos - System.nanoTime());
  }
}
