package com.financereport.observability.otlp;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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
  // Threads waiting for a free slot (only with a queue-full wait configured); the exporter signals
  // them only when there are any, so the common path takes no lock.
  private final AtomicInteger waiting = new AtomicInteger();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition slotsFreed = lock.newCondition();

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

  /**
   * Takes a queue slot, waiting up to {@code maxWaitNanos} for the exporter to free one; false when
   * none came free in time (or the thread was interrupted, whose flag is kept).
   */
  boolean admit(long maxWaitNanos) {
    if (tryAdmit()) {
      return true;
    }
    if (maxWaitNanos <= 0) {
      return false;
    }
    long deadline = System.nanoTime() + maxWaitNanos;
    lock.lock();
    waiting.incrementAndGet();
    try {
      while (!tryAdmit()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        slotsFreed.await(left, TimeUnit.NANOSECONDS);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      waiting.decrementAndGet();
      lock.unlock();
    }
  }

  /** The batch processor passed these records to the exporter: their queue slots are free. */
  void handedOff(int records) {
    awaitingHandoff.addAndGet(-records);
    if (waiting.get() > 0) {
      lock.lock();
      try {
        slotsFreed.signalAll();
      } finally {
        lock.unlock();
      }
    }
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
