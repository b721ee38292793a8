package com.financereport.observability.internal.spool;

import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Reads the oldest undelivered lines of a {@link SegmentQueue}. Corrupt and torn lines are counted
 * as skipped, expired ones as dropped for the age limit; both are still consumed, so the batch's
 * position moves past them. Not thread-safe: used under the spool's lock.
 */
final class HeadReader {
  private final SegmentQueue queue;
  private final SpoolRecordCodec codec;
  private final SpoolEviction eviction;
  private final SpoolCounters counters;
  private final Logger logger;

  HeadReader(
      SegmentQueue queue,
      SpoolRecordCodec codec,
      SpoolEviction eviction,
      SpoolCounters counters,
      Logger logger) {
    this.queue = queue;
    this.codec = codec;
    this.eviction = eviction;
    this.counters = counters;
    this.logger = logger;
  }

  /** At most {@code maxRecords} lines from the head segment; null when nothing waits. */
  SpoolBatch read(int maxRecords, long nowMillis) {
    while (!queue.isEmpty()) {
      SpoolSegment head = queue.head();
      if (queue.headOffset() >= head.bytes()) {
        if (head.writable()) {
          return null;
        }
        queue.dropHead(); // fully delivered
        continue;
      }
      SpoolSegment.Read read;
      try {
        read = head.read(queue.headOffset(), maxRecords);
      } catch (java.nio.channels.ClosedByInterruptException | java.io.InterruptedIOException e) {
        // The replayer is being stopped, not the file broken: leave the records for the next run.
        Thread.currentThread().interrupt();
        return null;
      } catch (IOException e) {
        long lost = queue.dropHead();
        counters.corruptSkipped.addAndGet(lost);
        logger.warn(
            "Could not read spool segment {} ({}); skipped {} record(s)",
            head.path(),
            e.toString(),
            lost);
        continue;
      }
      return batchOf(head, read, nowMillis);
    }
    return null;
  }

  private SpoolBatch batchOf(SpoolSegment head, SpoolSegment.Read read, long nowMillis) {
    long cutoffNanos = eviction.cutoffNanos(nowMillis);
    List<LogRecordData> records = new ArrayList<>(read.lines().size());
    long lastObserved = head.firstObservedNanos();
    for (byte[] line : read.lines()) {
      try {
        LogRecordData record = codec.decodeLine(line, 0, line.length);
        lastObserved = DiskSpool.observedNanos(record);
        if (lastObserved < cutoffNanos) {
          eviction.expired();
        } else {
          records.add(record);
        }
      } catch (CorruptRecordException e) {
        counters.corruptSkipped.incrementAndGet();
      }
    }
    int lineCount = read.lines().size();
    if (read.tornTail()) {
      counters.corruptSkipped.incrementAndGet();
      lineCount++;
    }
    queue.inFlight(lineCount);
    return new SpoolBatch(head.sequence(), read.endOffset(), lineCount, records, lastObserved);
  }
}
