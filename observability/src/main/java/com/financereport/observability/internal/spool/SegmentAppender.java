package com.financereport.observability.internal.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Writes encoded lines at the tail of a {@link SegmentQueue}: rolls to a new segment past the
 * segment size, and forces (fsync) at most once per interval. A batch is kept whole or not at all:
 * a write that fails part-way (a full disk) is cut back off the file, or, when even that fails, the
 * segment is sealed so the partial line becomes a torn tail the reader skips. Not thread-safe:
 * used under the spool's lock.
 */
final class SegmentAppender {
  private final SegmentQueue queue;
  private final SpoolLimits limits;
  private final SpoolWarnings warnings;
  private long lastForceMillis;
  private boolean unforcedWrites;

  SegmentAppender(SegmentQueue queue, SpoolLimits limits, SpoolWarnings warnings) {
    this.queue = queue;
    this.limits = limits;
    this.warnings = warnings;
  }

  /** The spool opened at {@code nowMillis}: the first fsync interval starts. */
  void opened(long nowMillis) {
    lastForceMillis = nowMillis;
  }

  /** Appends {@code lines} lines in {@code data} to {@code directory}'s tail; false when it failed. */
  boolean append(Path directory, ByteBuffer data, int lines, long firstObservedNanos, long nowMillis) {
    int size = data.remaining();
    SpoolSegment active = queue.tail();
    long before = 0;
    try {
      if (active == null
          || !active.writable()
          || (active.bytes() > 0 && active.bytes() + size > limits.segmentBytes())) {
        if (active != null) {
          active.seal();
        }
        active = queue.startSegment(directory, firstObservedNanos);
      }
      before = active.bytes();
      active.append(data, lines);
      queue.grew(active.bytes() - before, lines);
      unforcedWrites = true;
      if (nowMillis - lastForceMillis >= limits.fsyncIntervalMillis()) {
        active.force();
        lastForceMillis = nowMillis;
        unforcedWrites = false;
      }
      warnings.writeSucceeded();
      return true;
    } catch (IOException | RuntimeException e) {
      warnings.degraded("cannot write to the spool in " + directory, e);
      if (active != null && active.writable()) {
        undo(active, before);
      }
      return false;
    }
  }

  /** Takes a failed batch's bytes back off {@code segment}; the caller reports the batch lost. */
  private void undo(SpoolSegment segment, long before) {
    try {
      segment.truncate(before);
    } catch (IOException e) {
      segment.seal(); // what the failed write left ends this file as a torn tail
      queue.grew(segment.bytes() - before, 0);
    }
  }

  /** Forces writes that have waited a whole interval. */
  void forceIfDue(long nowMillis) {
    if (unforcedWrites && nowMillis - lastForceMillis >= limits.fsyncIntervalMillis()) {
      force(nowMillis);
    }
  }

  /** Forces whatever was written since the last force. */
  void force(long nowMillis) {
    SpoolSegment active = queue.tail();
    if (active == null || !unforcedWrites) {
      return;
    }
    try {
      active.force();
    } catch (IOException e) {
      warnings.degraded("cannot sync the spool to disk", e);
    }
    lastForceMillis = nowMillis;
    unforcedWrites = false;
  }
}
