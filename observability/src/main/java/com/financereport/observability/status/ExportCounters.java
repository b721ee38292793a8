package com.financereport.observability.status;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The live figures of one export pipeline, written by its parts and read as an {@link ExportStatus}
 * snapshot. Thread-safe; every method is cheap enough for the export thread, and none is called on
 * an application thread except {@link #recordDropped(long)} when the queue overflows.
 */
public final class ExportCounters {
  /** {@link ExportStatus#lastErrorType()} after a partial success. */
  public static final String PARTIAL_SUCCESS = "partial success";

  private final LongAdder exported = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final AtomicLong consecutiveFailures = new AtomicLong();
  private final LongSupplier queued;
  private volatile Instant lastSuccess;
  private volatile String lastError;
  private volatile String lastErrorType;
  private volatile Boolean endpointReachable;

  /** @param queued how many records wait in memory right now */
  public ExportCounters(LongSupplier queued) {
    this.queued = queued;
  }

  /** The collector accepted these records. */
  public void recordExported(long records) {
    exported.add(records);
    consecutiveFailures.set(0);
    lastSuccess = Instant.now();
    // The collector answered: whatever the start-up probe saw, it is reachable now.
    endpointReachable = true;
  }

  /** An export attempt failed; {@code type} is e.g. "HTTP 503" or "java.net.ConnectException". */
  public void recordFailed(long records, String type, String description) {
    failed.add(records);
    consecutiveFailures.incrementAndGet();
    lastErrorType = type;
    lastError = description;
  }

  /**
   * The collector answered 2xx but refused {@code rejected} of the records (OTLP partial success):
   * the rest are delivered, and the collector is healthy, so consecutive failures start again from
   * zero; the refusal is the last error.
   */
  public void recordPartialSuccess(long accepted, long rejected, String description) {
    recordExported(accepted);
    failed.add(rejected);
    recordRejected(rejected);
    lastErrorType = PARTIAL_SUCCESS;
    lastError = description;
  }

  /** The collector refused these records for good (HTTP 400, partial success). */
  public void recordRejected(long records) {
    rejected.add(records);
  }

  /** These records are lost for good. */
  public void recordDropped(long records) {
    dropped.add(records);
  }

  /** The start-up probe's verdict. */
  public void recordEndpointReachable(boolean reachable) {
    endpointReachable = reachable;
  }

  public long dropped() {
    return dropped.sum();
  }

  public ExportStatus snapshot() {
    return new ExportStatus(
        true,
        exported.sum(),
        failed.sum(),
        dropped.sum(),
        queued.getAsLong(),
        rejected.sum(),
        0,
        0,
        0,
        0,
        0,
        0,
        lastSuccess,
        lastError,
        lastErrorType,
        consecutiveFailures.get(),
        endpointReachable);
  }
}
