package com.financereport.observability.internal.spool;

import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The bounded on-disk queue of records in one instance folder: lines appended to the tail segment,
 * read and acknowledged at the head ({@link SegmentQueue}), the head position kept in a {@link
 * SpoolCheckpoint}, bounds kept by {@link SpoolEviction}.
 *
 * <p>Durability: every batch is written to the file before the call returns, so a killed process
 * loses nothing the call accepted; {@code force} (fsync) runs at most once per {@code
 * fsyncIntervalMillis} and on every roll and close, so a power loss can lose about that interval.
 *
 * <p>An unusable directory or a failed write never throws: {@link #append} returns false, one
 * warning is logged, and the next write tries again (the directory at most every 10 s).
 */
final class DiskSpool {
  private static final long REOPEN_INTERVAL_MILLIS = 10_000;

  private final Path location;
  private final InstanceOpener opener;
  private final LongSupplier clockMillis;
  private final SpoolCounters counters;
  private final SpoolRecordCodec codec;
  private final ReplayWakeup wakeup;
  private final org.slf4j.Logger logger;
  private final SpoolWarnings warnings;
  private final SpoolEviction eviction;
  private final SegmentQueue queue;
  private final SegmentAppender appender;
  private final HeadReader reader;
  private InstanceFolder instance;
  private Path directory;
  private SpoolCheckpoint checkpoint;
  private boolean open;
  private boolean closed;
  private long lastOpenAttemptMillis = Long.MIN_VALUE;

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
   * A spool in the folder {@code opener} claims when the spool opens ({@code location} names it in
   * messages until then); {@code wakeup} is signalled after every append.
   */
  DiskSpool(
      Path location,
      InstanceOpener opener,
      SpoolLimits limits,
      LongSupplier clockMillis,
      SpoolCounters counters,
      SpoolRecordCodec codec,
      ReplayWakeup wakeup,
      org.slf4j.Logger logger) {
    this.location = location;
    this.opener = opener;
    this.clockMillis = clockMillis;
    this.counters = counters;
    this.codec = codec;
    this.wakeup = wakeup;
    this.logger = logger;
    this.warnings = new SpoolWarnings(logger);
    this.eviction = new SpoolEviction(limits, counters, warnings);
    this.queue = new SegmentQueue(logger);
    this.appender = new SegmentAppender(queue, limits, warnings);
    this.reader = new HeadReader(queue, codec, eviction, counters, logger);
  }

  /**
   * Opens the directory and takes over what an earlier run left. Idempotent; a failure is reported
   * once and retried later.
   */
  synchronized boolean open() {
    if (open || closed) {
      return open;
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
      queue.recover(directory, checkpoint.read(), this::firstObservedNanos);
      if (queue.spooledLines() > 0) {
        logger.info(
            "Found {} log record(s) spooled by an earlier run in {}; delivering them oldest first",
            queue.spooledLines(),
            directory);
      }
      open = true;
      appender.opened(now);
      return true;
    } catch (IOException | RuntimeException e) {
      if (instance != null) {
        instance.close();
        instance = null;
      }
      queue.clear();
      warnings.degraded("cannot use the spool directory " + location, e);
      return false;
    }
  }

  /** The folder the spool works in, opening it first; null when it cannot be used. */
  synchronized Path directory() {
    return open() ? directory : null;
  }

  /** The observed time of a recovered segment's first record, else the file's time. */
  private long firstObservedNanos(SpoolSegment segment) {
    try {
      List<byte[]> first = segment.read(0, 1).lines();
      if (!first.isEmpty()) {
        return observedNanos(codec.decodeLine(first.get(0), 0, first.get(0).length));
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
    for (LogRecordData record : records) { // encoded outside the lock
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
      wakeup.signal();
    }
    return kept;
  }

  private synchronized boolean write(ByteBuffer data, int lineCount, long firstObserved) {
    if (!open()) {
      return false;
    }
    long now = clockMillis.getAsLong();
    eviction.dropExpiredSegments(queue, now);
    if (!eviction.makeRoom(queue, data.remaining(), lineCount)) {
      return true; // handled: counted as dropped for the budget, like any record the budget evicts
    }
    return appender.append(directory, data, lineCount, firstObserved, now);
  }

  /**
   * The oldest undelivered records, at most {@code maxRecords}, from one segment. Corrupt, torn and
   * expired lines are counted and skipped (their position is still acknowledged). Null when
   * nothing waits.
   */
  synchronized SpoolBatch read(int maxRecords) {
    return open() ? reader.read(maxRecords, clockMillis.getAsLong()) : null;
  }

  /**
   * The replayer gives up on a batch it read without delivering it (it is stopping). If the batch's
   * segment is still the head, the records stay on disk for the next run; if the budget dropped the
   * segment meanwhile, this batch was the last of it and is counted as dropped for the budget.
   */
  synchronized void release(SpoolBatch batch) {
    if (queue.isFromHead(batch)) {
      queue.inFlight(0);
      return;
    }
    counters.droppedForBudget.addAndGet(batch.records().size());
  }

  /** Marks a batch delivered (or deliberately skipped) and persists the new head position. */
  synchronized void acknowledge(SpoolBatch batch) {
    if (!queue.acknowledge(batch)) {
      return; // the segment was dropped for the budget meanwhile
    }
    try {
      checkpoint.write(new SpoolCheckpoint.Position(batch.segmentSequence(), batch.endOffset()));
    } catch (IOException e) {
      warnings.degraded("cannot write the spool checkpoint (records may be sent twice)", e);
    }
    if (queue.spooledLines() == 0) {
      warnings.spoolEmptied();
    }
  }

  synchronized boolean hasBacklog() {
    return queue.spooledLines() > 0;
  }

  /** Background upkeep: expires old segments and forces writes that have waited too long. */
  synchronized void maintain() {
    if (!open) {
      return;
    }
    long now = clockMillis.getAsLong();
    eviction.dropExpiredSegments(queue, now);
    appender.forceIfDue(now);
  }

  synchronized void force() {
    appender.force(clockMillis.getAsLong());
  }

  /**
   * Forces and seals the open segment and releases the folder's lock; later writes are counted as
   * dropped.
   */
  synchronized void close() {
    force();
    SpoolSegment active = queue.tail();
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
    boolean empty = open && queue.spooledLines() == 0;
    while (empty && !queue.isEmpty()) {
      queue.dropHead();
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
    return queue.spooledLines();
  }

  synchronized long spooledBytes() {
    return queue.totalBytes();
  }

  synchronized long oldestSpooledAgeMillis() {
    SpoolSegment head = queue.head();
    if (head == null || queue.spooledLines() == 0) {
      return 0;
    }
    return Math.max(
        0, clockMillis.getAsLong() - TimeUnit.NANOSECONDS.toMillis(head.firstObservedNanos()));
  }

  static long observedNanos(LogRecordData record) {
    long observed = record.getObservedTimestampEpochNanos();
    return observed != 0 ? observed : record.getTimestampEpochNanos();
  }
}
