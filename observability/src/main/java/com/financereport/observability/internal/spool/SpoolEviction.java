package com.financereport.observability.internal.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a spool within its byte budget and age limit: whole segments go, oldest first, and a
 * record read after its age limit is dropped. Every loss is counted as dropped for the budget and
 * reported in one warning per episode. Not thread-safe: used under the spool's lock.
 */
final class SpoolEviction {
  private final long maxBytes;
  private final long maxAgeMillis;
  private final SpoolCounters counters;
  private final SpoolWarnings warnings;

  SpoolEviction(SpoolLimits limits, SpoolCounters counters, SpoolWarnings warnings) {
    this.maxBytes = limits.maxBytes();
    this.maxAgeMillis = limits.maxAgeMillis();
    this.counters = counters;
    this.warnings = warnings;
  }

  /**
   * Makes room for {@code size} more bytes, dropping the oldest segments. Returns false when the
   * batch alone is larger than the whole budget: its {@code lines} are then counted as dropped.
   */
  boolean makeRoom(SegmentQueue queue, long size, int lines) {
    if (size > maxBytes) {
      counters.droppedForBudget.addAndGet(lines);
      warnings.boundReached(
          "a single batch of " + size + " bytes exceeds the byte budget of " + maxBytes);
      return false;
    }
    while (queue.totalBytes() + size > maxBytes && !queue.isEmpty()) {
      SpoolSegment oldest = queue.head();
      long lost = queue.dropHead();
      warnings.boundReached(
          "the byte budget of " + maxBytes + " bytes is reached; dropped " + lost
              + " of the oldest record(s) from " + oldest.path().getFileName());
      counters.droppedForBudget.addAndGet(lost);
    }
    return true;
  }

  /** Drops the oldest segments last written before the age limit. */
  void dropExpiredSegments(SegmentQueue queue, long nowMillis) {
    long cutoff = nowMillis - maxAgeMillis;
    while (!queue.isEmpty()) {
      long lastWrite;
      try {
        lastWrite = Files.getLastModifiedTime(queue.head().path()).toMillis();
      } catch (IOException e) {
        lastWrite = nowMillis;
      }
      if (lastWrite >= cutoff) {
        return;
      }
      counters.droppedForBudget.addAndGet(queue.dropHead());
      reportAgeLimit();
    }
  }

  /** Observed times (nanos) before this are past the age limit. */
  long cutoffNanos(long nowMillis) {
    return TimeUnit.MILLISECONDS.toNanos(nowMillis - maxAgeMillis);
  }

  /** One record read after its age limit: counted, not delivered. */
  void expired() {
    counters.droppedForBudget.incrementAndGet();
    reportAgeLimit();
  }

  private void reportAgeLimit() {
    warnings.boundReached("records older than the age limit of " + maxAgeMillis + " ms were dropped");
  }
}
