package com.financereport.observability.internal.otlp;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The batch queue's slots, and whether a log call that finds them all taken may wait for one. The
 * SDK's batch processor drops silently when its queue is full; by admitting no more records than
 * its queue holds we keep that from ever happening and divert the surplus where it is counted.
 *
 * <p>Waiting is back-pressure against a collector that keeps pace but is busy; it must never
 * become waiting on one that is failing, hanging or slow. So it is allowed only while the last
 * attempt the collector answered succeeded within the wait bound: a wait that runs out, or any
 * failed attempt, shuts it; an attempt that succeeds faster than the bound opens it again. A
 * hanging collector costs each logging thread at most one wait per episode.
 */
final class QueueSlots {
  private final int capacity;
  private final long maxWaitNanos;
  // Admitted but not yet handed to the exporter: these occupy the batch processor's queue.
  private final AtomicLong awaitingHandoff = new AtomicLong();
  // Admitted and not yet settled (delivered, spooled or given up): what shutdown could lose.
  private final AtomicLong unsettled = new AtomicLong();
  // Threads waiting for a free slot; the exporter signals them only when there are any, so the
  // common path takes no lock.
  private final AtomicInteger waiting = new AtomicInteger();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition slotsFreed = lock.newCondition();
  private volatile boolean waitAllowed;

  /** A zero or negative {@code maxWaitNanos}: log calls never wait for a slot. */
  QueueSlots(int capacity, long maxWaitNanos) {
    this.capacity = capacity;
    this.maxWaitNanos = maxWaitNanos;
    this.waitAllowed = maxWaitNanos > 0;
  }

  /**
   * Takes a slot; when the queue is full, waits for one while waiting is allowed. False when the
   * record must go elsewhere (an interrupted wait keeps the thread's flag).
   */
  boolean admit() {
    if (tryAdmit()) {
      return true;
    }
    long wait = allowedWaitNanos();
    if (wait <= 0) {
      return false;
    }
    if (admit(wait)) {
      return true;
    }
    if (!Thread.currentThread().isInterrupted()) {
      waitAllowed = false; // the wait ran out: the collector is not keeping pace
    }
    return false;
  }

  /** Takes a slot, or returns false when the queue is full. */
  boolean tryAdmit() {
    if (awaitingHandoff.incrementAndGet() > capacity) {
      awaitingHandoff.decrementAndGet();
      return false;
    }
    unsettled.incrementAndGet();
    return true;
  }

  /**
   * Takes a slot, waiting up to {@code maxWaitNanos} for the exporter to free one; false when none
   * came free in time (or the thread was interrupted, whose flag is kept).
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

  /** How long a log call that finds the queue full may wait now; 0 when it must not. */
  long allowedWaitNanos() {
    return waitAllowed ? maxWaitNanos : 0;
  }

  /** The collector accepted an attempt that took {@code elapsedNanos}. */
  void collectorAnswered(long elapsedNanos) {
    if (maxWaitNanos > 0 && elapsedNanos < maxWaitNanos && !waitAllowed) {
      waitAllowed = true;
    }
  }

  /** An attempt failed or was refused: log calls stop waiting until a fast success. */
  void collectorFailed() {
    if (waitAllowed) {
      waitAllowed = false;
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
