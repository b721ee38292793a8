package com.financereport.observability.internal.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;

/**
 * The segment files of one spool folder in order, with the head position: how far into the oldest
 * segment delivery got, and how many of its lines are acknowledged or on their way. Not
 * thread-safe: used under the spool's lock.
 */
final class SegmentQueue {
  private final ArrayDeque<SpoolSegment> segments = new ArrayDeque<>();
  private final Logger logger;
  private long headOffset;
  private long headLinesAcknowledged;
  // Lines of the head segment handed to the replayer and not yet acknowledged: they are on their
  // way, so dropping the segment must not count them as lost.
  private long headLinesInFlight;
  private long nextSequence = 1;
  private long totalBytes;
  private long totalLines;

  SegmentQueue(Logger logger) {
    this.logger = logger;
  }

  /**
   * Takes over the segments an earlier run left in {@code directory}, behind the checkpoint
   * {@code delivered}; {@code firstObservedNanos} dates each one.
   */
  void recover(
      Path directory,
      Optional<SpoolCheckpoint.Position> delivered,
      ToLongFunction<SpoolSegment> firstObservedNanos)
      throws IOException {
    TreeMap<Long, Path> found = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        long sequence = SpoolSegment.sequenceOf(file);
        if (sequence >= 0 && Files.isRegularFile(file)) {
          found.put(sequence, file);
        }
      }
    }
    long deliveredSequence = delivered.map(SpoolCheckpoint.Position::segmentSequence).orElse(-1L);
    for (Map.Entry<Long, Path> entry : found.entrySet()) {
      long sequence = entry.getKey();
      if (sequence < deliveredSequence) {
        Files.deleteIfExists(entry.getValue()); // fully delivered before a crash hid the delete
        continue;
      }
      SpoolSegment segment = SpoolSegment.existing(entry.getValue(), sequence);
      segment.firstObservedNanos(firstObservedNanos.applyAsLong(segment));
      segments.addLast(segment);
      totalBytes += segment.bytes();
      totalLines += segment.lines();
    }
    nextSequence = Math.max(deliveredSequence, found.isEmpty() ? 0 : found.lastKey()) + 1;
    SpoolSegment head = segments.peekFirst();
    if (head != null && delivered.isPresent() && head.sequence() == deliveredSequence) {
      headOffset = Math.min(delivered.get().offset(), head.bytes());
      headLinesAcknowledged = head.countLines(0, headOffset);
    }
  }

  /** Forgets everything (the folder could not be opened); the files stay. */
  void clear() {
    segments.clear();
    totalBytes = 0;
    totalLines = 0;
  }

  SpoolSegment head() {
    return segments.peekFirst();
  }

  SpoolSegment tail() {
    return segments.peekLast();
  }

  boolean isEmpty() {
    return segments.isEmpty();
  }

  long headOffset() {
    return headOffset;
  }

  /** A new, empty segment at the tail. */
  SpoolSegment startSegment(Path directory, long firstObservedNanos) throws IOException {
    SpoolSegment segment = SpoolSegment.create(directory, nextSequence++);
    segment.firstObservedNanos(firstObservedNanos);
    segments.addLast(segment);
    return segment;
  }

  /** The tail segment grew by {@code bytes} and {@code lines}. */
  void grew(long bytes, long lines) {
    totalBytes += bytes;
    totalLines += lines;
  }

  /** Deletes the head segment; returns how many undelivered lines went with it. */
  long dropHead() {
    SpoolSegment head = segments.pollFirst();
    long undelivered = Math.max(0, head.lines() - headLinesAcknowledged - headLinesInFlight);
    totalBytes -= head.bytes();
    totalLines -= head.lines();
    headOffset = 0;
    headLinesAcknowledged = 0;
    headLinesInFlight = 0;
    try {
      head.delete();
    } catch (IOException e) {
      logger.warn("Could not delete spool segment {}: {}", head.path(), e.toString());
    }
    return undelivered;
  }

  void inFlight(long lines) {
    headLinesInFlight = lines;
  }

  /** Whether {@code batch} was read from the current head segment. */
  boolean isFromHead(SpoolBatch batch) {
    SpoolSegment head = segments.peekFirst();
    return head != null && head.sequence() == batch.segmentSequence();
  }

  /** Moves the head past {@code batch}; false when the batch is no longer the head's (dropped). */
  boolean acknowledge(SpoolBatch batch) {
    if (!isFromHead(batch) || batch.endOffset() <= headOffset) {
      return false;
    }
    SpoolSegment head = segments.peekFirst();
    headOffset = batch.endOffset();
    headLinesAcknowledged += batch.lineCount();
    headLinesInFlight = 0;
    head.firstObservedNanos(batch.lastObservedNanos());
    if (headOffset >= head.bytes()) {
      dropHead();
    }
    return true;
  }

  long spooledLines() {
    return Math.max(0, totalLines - headLinesAcknowledged);
  }

  long totalBytes() {
    return totalBytes;
  }
}
