package com.financereport.observability.spool;

import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * The bounded on-disk queue of records: segment files written at the tail, read and acknowledged
 * at the head, a checkpoint recording the head position.
 *
 * <p>Bounds: the byte budget counts segment file sizes; when a write would exceed it, whole
 * segments go, oldest first. Records older than the age limit (by observed time) are dropped when
 * their segment expires or when they are read. Both are counted and reported in one warning per
 * episode (an episode ends when the spool is empty again).
 *
 * <p>Durability: every batch is written to the file before the call returns, so a killed process
 * loses nothing the call accepted; {@code force} (fsync) runs at most once per {@code
 * fsyncIntervalMillis} and on every roll and close, so a power loss can lose about that interval.
 *
 * <p>An unusable directory or a failed write never throws: {@link #append} returns false, one
 * warning is logged, and the next write tries again (the directory at most every 10 s).
 */
final class DiskSpool {
  private final Logger logger;
  private static final long REOPEN_INTERVAL_MILLIS = 10_000;

  private final Path location;
  private final InstanceOpener opener;
  private final long maxBytes;
  private final long maxAgeMillis;
  private final long segmentBytes;
  private final long fsyncIntervalMillis;
  private final LongSupplier clockMillis;
  private final SpoolCounters counters;
  private final SpoolRecordCodec codec;
  private final Runnable onAppend;
  private InstanceFolder instance;
  private Path directory;
  private SpoolCheckpoint checkpoint;

  private final ArrayDeque<SpoolSegment> segments = new ArrayDeque<>();
  private long headOffset;
  private long headLinesAcknowledged;
  // Lines of the head segment handed to the replayer and not yet acknowledged: they are on their
  // way, so dropping the segment must not count them as lost.
  private long headLinesInFlight;
  private long nextSequence = 1;
  private long totalBytes;
  private long totalLines;
  private boolean open;
  private boolean closed;
  private long lastOpenAttemptMillis = Long.MIN_VALUE;
  private long lastForceMillis;
  private boolean unforcedWrites;
  private boolean boundWarningIssued;
  private boolean failureWarningIssued;

  /** How the spool gets its folder when it opens: locked, and owner-only. */
  @FunctionalInterface
  interface InstanceOpener {
    InstanceFolder open() throws IOException;
  }

  /** Opens exactly {@code directory} as the spool's folder, locked like any instance folder. */
  static InstanceOpener lockExactly(Path directory) {
    return () ->
        InstanceFolder.tryLock(directory)
            .orElseThrow(() -> new IOException(directory + " is in use by another process"));
  }

  /**
   * A spool in the folder {@code opener} claims when the spool opens; {@code location} names it in
   * messages until then.
   */
  DiskSpool(
      Path location,
      InstanceOpener opener,
      long maxBytes,
      long maxAgeMillis,
      long segmentBytes,
      long fsyncIntervalMillis,
      LongSupplier clockMillis,
      SpoolCounters counters,
      SpoolRecordCodec codec,
      Runnable onAppend,
      Logger logger) {
    this.logger = logger;
    this.location = location;
    this.opener = opener;
    this.maxBytes = maxBytes;
    this.maxAgeMillis = maxAgeMillis;
    this.segmentBytes = segmentBytes;
    this.fsyncIntervalMillis = fsyncIntervalMillis;
    this.clockMillis = clockMillis;
    this.counters = counters;
    this.codec = codec;
    this.onAppend = onAppend;
  }

  /**
   * Opens the directory and takes over what an earlier run left. Idempotent; a failure is reported
   * once and retried later.
   */
  synchronized boolean open() {
    if (open) {
      return true;
    }
    if (closed) {
      return false;
    }
    long now = clockMillis.getAsLong();
    if (lastOpenAttemptMillis != Long.MIN_VALUE
        && now - lastOpenAttemptMillis < REOPEN_INTERVAL_MILLIS) {
      return false;
    }
    lastOpenAttemptMillis = now;
    try {
      instance = opener.open();
      directory = instance.path();
      checkpoint = new SpoolCheckpoint(directory);
      recover();
      open = true;
      lastForceMillis = now;
      return true;
    } catch (IOException | RuntimeException e) {
      if (instance != null) {
        instance.close();
        instance = null;
      }
      segments.clear();
      totalBytes = 0;
      totalLines = 0;
      reportFailure("cannot use the spool directory " + location, e);
      return false;
    }
  }

  /** The folder the spool works in, opening it first; null when it cannot be used. */
  synchronized Path directory() {
    return open() ? directory : null;
  }

  private void recover() throws IOException {
    TreeMap<Long, Path> found = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        long sequence = SpoolSegment.sequenceOf(file);
        if (sequence >= 0 && Files.isRegularFile(file)) {
          found.put(sequence, file);
        }
      }
    }
    Optional<SpoolCheckpoint.Position> position = checkpoint.read();
    long delivered = position.map(SpoolCheckpoint.Position::segmentSequence).orElse(-1L);
    for (Map.Entry<Long, Path> entry : found.entrySet()) {
      long sequence = entry.getKey();
      if (sequence < delivered) {
        Files.deleteIfExists(entry.getValue()); // fully delivered before a crash hid the delete
        continue;
      }
      SpoolSegment segment = SpoolSegment.existing(entry.getValue(), sequence);
      segment.firstObservedNanos(firstObservedNanos(segment));
      segments.addLast(segment);
      totalBytes += segment.bytes();
      totalLines += segment.lines();
    }
    nextSequence = Math.max(delivered, found.isEmpty() ? 0 : found.lastKey()) + 1;
    SpoolSegment head = segments.peekFirst();
    if (head != null && position.isPresent() && head.sequence() == delivered) {
      long offset = Math.min(position.get().offset(), head.bytes());
      headOffset = offset;
      headLinesAcknowledged = head.countLines(0, offset);
    }
    if (spooledLines() > 0) {
      logger.info(
          "Found {} log record(s) spooled by an earlier run in {}; delivering them oldest first",
          spooledLines(),
          directory);
    }
  }

  private long firstObservedNanos(SpoolSegment segment) {
    try {
      SpoolSegment.Read read = segment.read(0, 1);
      if (!read.lines().isEmpty()) {
        byte[] line = read.lines().get(0);
        return observedNanos(codec.decodeLine(line, 0, line.length));
      }
    } catch (IOException | CorruptRecordException e) {
      // Fall back to the file time below.
    }
    try {
      return TimeUnit.MILLISECONDS.toNanos(Files.getLastModifiedTime(segment.path()).toMillis());
    } catch (IOException e) {
      return TimeUnit.MILLISECONDS.toNanos(clockMillis.getAsLong());
    }
  }

  /**
   * Encodes and appends the records behind everything already spooled. Returns false when they
   * could not be kept (directory unusable, write failed, spool closed); the caller accounts for
   * them. A batch larger than the whole budget is counted as dropped for the budget and returns
   * true.
   */
  boolean append(Collection<? extends LogRecordData> records) {
    if (records.isEmpty()) {
      return true;
    }
    List<byte[]> lines = new ArrayList<>(records.size());
    int size = 0;
    long firstObserved = Long.MAX_VALUE;
    for (LogRecordData record : records) {
      byte[] line = codec.encodeLine(record);
      lines.add(line);
      size += line.length;
      firstObserved = Math.min(firstObserved, observedNanos(record));
    }
    ByteBuffer data = ByteBuffer.allocate(size);
    lines.forEach(data::put);
    data.flip();
    boolean kept = write(data, lines.size(), firstObserved);
    if (kept) {
      onAppend.run();
    }
    return kept;
  }

  private synchronized boolean write(ByteBuffer data, int lineCount, long firstObserved) {
    if (!open()) {
      return false;
    }
    long now = clockMillis.getAsLong();
    dropExpiredSegments(now);
    int size = data.remaining();
    if (size > maxBytes) {
      counters.droppedForBudget.addAndGet(lineCount);
      reportBound("a single batch of " + size + " bytes exceeds the byte budget of " + maxBytes);
      return true; // handled: counted as dropped for the budget, like any record the budget evicts
    }
    dropOldestToFit(size);
    SpoolSegment active = segments.peekLast();
    try {
      if (active == null
          || !active.writable()
          || (active.bytes() > 0 && active.bytes() + size > segmentBytes)) {
        if (active != null) {
          active.seal();
        }
        active = SpoolSegment.create(directory, nextSequence++);
        active.firstObservedNanos(firstObserved);
        segments.addLast(active);
      }
      long before = active.bytes();
      active.append(data, lineCount);
      totalBytes += active.bytes() - before;
      totalLines += lineCount;
      unforcedWrites = true;
      if (now - lastForceMillis >= fsyncIntervalMillis) {
        active.force();
        lastForceMillis = now;
        unforcedWrites = false;
      }
      failureWarningIssued = false;
      return true;
    } catch (IOException | RuntimeException e) {
      reportFailure("cannot write to the spool in " + directory, e);
      if (active != null && active.writable()) {
        // A partial line may now end this file: seal it so the next batch starts a fresh segment
        // and the reader sees the partial line as a torn tail.
        active.seal();
        try {
          long actual = Files.size(active.path());
          totalBytes += actual - active.bytes();
        } catch (IOException ignored) {
          // The size stays as last known.
        }
      }
      return false;
    }
  }

  private void dropOldestToFit(long incoming) {
    while (totalBytes + incoming > maxBytes && !segments.isEmpty()) {
      SpoolSegment oldest = segments.peekFirst();
      long lost = dropHead();
      reportBound(
          "the byte budget of " + maxBytes + " bytes is reached; dropped " + lost
              + " of the oldest record(s) from " + oldest.path().getFileName());
      counters.droppedForBudget.addAndGet(lost);
    }
  }

  private void dropExpiredSegments(long now) {
    long cutoff = now - maxAgeMillis;
    while (!segments.isEmpty()) {
      SpoolSegment oldest = segments.peekFirst();
      long lastWrite;
      try {
        lastWrite = Files.getLastModifiedTime(oldest.path()).toMillis();
      } catch (IOException e) {
        lastWrite = now;
      }
      if (lastWrite >= cutoff) {
        return;
      }
      long lost = dropHead();
      counters.droppedForBudget.addAndGet(lost);
      reportBound("records older than the age limit of " + maxAgeMillis + " ms were dropped");
    }
  }

  /** Deletes the head segment; returns how many undelivered lines went with it. */
  private long dropHead() {
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

  /**
   * The oldest undelivered records, at most {@code maxRecords}, from one segment. Corrupt, torn and
   * expired lines are counted and skipped (their position is still acknowledged). Null when
   * nothing waits.
   */
  synchronized SpoolBatch read(int maxRecords) {
    if (!open()) {
      return null;
    }
    while (!segments.isEmpty()) {
      SpoolSegment head = segments.peekFirst();
      if (headOffset >= head.bytes()) {
        if (head.writable()) {
          return null;
        }
        dropHead(); // fully delivered
        continue;
      }
      SpoolSegment.Read read;
      try {
        read = head.read(headOffset, maxRecords);
      } catch (java.nio.channels.ClosedByInterruptException | java.io.InterruptedIOException e) {
        // The replayer is being stopped, not the file broken: leave the records for the next run.
        Thread.currentThread().interrupt();
        return null;
      } catch (IOException e) {
        long lost = dropHead();
        counters.corruptSkipped.addAndGet(lost);
        logger.warn(
            "Could not read spool segment {} ({}); skipped {} record(s)",
            head.path(),
            e.toString(),
            lost);
        continue;
      }
      long cutoffNanos = TimeUnit.MILLISECONDS.toNanos(clockMillis.getAsLong() - maxAgeMillis);
      List<LogRecordData> records = new ArrayList<>(read.lines().size());
      long lastObserved = head.firstObservedNanos();
      for (byte[] line : read.lines()) {
        try {
          LogRecordData record = codec.decodeLine(line, 0, line.length);
          lastObserved = observedNanos(record);
          if (lastObserved < cutoffNanos) {
            counters.droppedForBudget.incrementAndGet();
            reportBound("records older than the age limit of " + maxAgeMillis + " ms were dropped");
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
      headLinesInFlight = lineCount;
      return new SpoolBatch(head.sequence(), read.endOffset(), lineCount, records, lastObserved);
    }
    return null;
  }

  /**
   * The replayer gives up on a batch it read without delivering it (it is stopping). If the batch's
   * segment is still the head, the records stay on disk for the next run; if the budget dropped the
   * segment meanwhile, this batch was the last of it and is counted as dropped for the budget.
   */
  synchronized void release(SpoolBatch batch) {
    SpoolSegment head = segments.peekFirst();
    if (head != null && head.sequence() == batch.segmentSequence()) {
      headLinesInFlight = 0;
      return;
    }
    counters.droppedForBudget.addAndGet(batch.records().size());
  }

  /** Marks a batch delivered (or deliberately skipped) and persists the new head position. */
  synchronized void acknowledge(SpoolBatch batch) {
    SpoolSegment head = segments.peekFirst();
    if (head == null || head.sequence() != batch.segmentSequence() || batch.endOffset() <= headOffset) {
      return; // the segment was dropped for the budget meanwhile
    }
    headOffset = batch.endOffset();
    headLinesAcknowledged += batch.lineCount();
    headLinesInFlight = 0;
    head.firstObservedNanos(batch.lastObservedNanos());
    if (headOffset >= head.bytes()) {
      dropHead();
    }
    try {
      checkpoint.write(new SpoolCheckpoint.Position(batch.segmentSequence(), batch.endOffset()));
    } catch (IOException e) {
      reportFailure("cannot write the spool checkpoint (records may be sent twice)", e);
    }
    if (spooledLines() == 0) {
      boundWarningIssued = false;
    }
  }

  synchronized boolean hasBacklog() {
    return spooledLines() > 0;
  }

  /** Background upkeep: expires old segments and forces writes that have waited too long. */
  synchronized void maintain() {
    if (!open) {
      return;
    }
    long now = clockMillis.getAsLong();
    dropExpiredSegments(now);
    if (unforcedWrites && now - lastForceMillis >= fsyncIntervalMillis) {
      force();
    }
  }

  synchronized void force() {
    SpoolSegment active = segments.peekLast();
    if (active == null || !unforcedWrites) {
      return;
    }
    try {
      active.force();
    } catch (IOException e) {
      reportFailure("cannot sync the spool to disk", e);
    }
    lastForceMillis = clockMillis.getAsLong();
    unforcedWrites = false;
  }

  /**
   * Forces and seals the open segment and releases the folder's lock; later writes are counted as
   * dropped.
   */
  synchronized void close() {
    force();
    SpoolSegment active = segments.peekLast();
    if (active != null) {
      active.seal();
    }
    open = false;
    closed = true;
    if (instance != null) {
      instance.close();
    }
  }

  /**
   * As {@link #close}, for an adopted spool: the folder goes too once nothing is left in it.
   * Returns whether it went.
   */
  synchronized boolean closeAndRemoveIfEmpty() {
    boolean empty = open && spooledLines() == 0;
    if (empty) {
      while (!segments.isEmpty()) {
        dropHead();
      }
    }
    InstanceFolder held = instance;
    instance = null;
    close();
    if (held == null) {
      return false;
    }
    if (empty) {
      return held.removeIfEmptyAndRelease();
    }
    held.close();
    return false;
  }

  synchronized long spooledRecords() {
    return spooledLines();
  }

  synchronized long spooledBytes() {
    return totalBytes;
  }

  synchronized long oldestSpooledAgeMillis() {
    SpoolSegment head = segments.peekFirst();
    if (head == null || spooledLines() == 0) {
      return 0;
    }
    return Math.max(
        0, clockMillis.getAsLong() - TimeUnit.NANOSECONDS.toMillis(head.firstObservedNanos()));
  }

  private long spooledLines() {
    return Math.max(0, totalLines - headLinesAcknowledged);
  }

  static long observedNanos(LogRecordData record) {
    long observed = record.getObservedTimestampEpochNanos();
    return observed != 0 ? observed : record.getTimestampEpochNanos();
  }

  private void reportBound(String what) {
    if (!boundWarningIssued) {
      boundWarningIssued = true;
      logger.warn(
          "Log spool limit reached: {}. The oldest records go first; further drops are counted in"
              + " the export status (droppedForBudget) without another warning until the spool is"
              + " empty again",
          what);
    }
  }

  private void reportFailure(String what, Exception e) {
    if (!failureWarningIssued) {
      failureWarningIssued = true;
      logger.warn(
          "Log spool degraded: {} ({}). Records that cannot be kept are counted as dropped; logs"
              + " still go to stdout",
          what,
          e.toString());
    }
  }
}
