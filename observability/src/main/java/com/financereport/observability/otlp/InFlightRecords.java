package com.financereport.observability.otlp;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts records between the application thread and the end of their export. The SDK's batch
 * processor drops silently when its queue is full; by admitting no more records than its queue
 * holds we keep that from ever happening and divert the surplus where it is counted.
 */
final class InFlightRecords {
  private final int capacity;
  // Admitted but not yet handed to the exporter: these occupy the batch processor's queue.
  private final AtomicLong awaitingHandoff = new AtomicLong();
  // Admitted and not yet settled (delivered, spooled or given up): what shutdown could lose.
  private final AtomicLong unsettled = new AtomicLong();

  InFlightRecords(int capacity) {
    this.capacity = capacity;
  }

  /** Takes a queue slot, or returns false when the queue is full. */
  boolean tryAdmit() {
    if (awaitingHandoff.incrementAndGet() > capacity) {
      awaitingHandoff.decrementAndGet();
      return false;
    }
    unsettled.incrementAndGet();
    return true;
  }

  /** The batch processor passed these records to the exporter: their queue slots are free. */
  void handedOff(int records) {
    awaitingHandoff.addAndGet(-records);
  }

  /** The export of these records has finished, one way or another. */
  void settled(int records) {
    unsettled.addAndGet(-records);
  }

  /** Records waiting in memory: queued or in an export that has not finished. */
  long unsettled() {
    return Math.max(0, unsettled.get());
  }
}
